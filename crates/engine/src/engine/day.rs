//! The daily step: mechanisms 1–9 of docs/MODEL.md, in the order the code runs them.

use super::{
    trust_intent, CrisisOutcome, Derived, Metric, RunTrace, MAX_CRISES_RECORDED, N_METRICS,
};
use crate::company::Company;
use crate::constants::*;
use crate::rng::{Mechanism, Stream};
use crate::why::RunWhy;
use crises::{crises, Crisis};
use review::review;

mod crises;
mod review;

struct Streams {
    content: Stream,
    audience: Stream,
    messages: Stream,
    crisis: Stream,
    sales: Stream,
    review: Stream,
    reputation: Stream,
}

/// The state of one run that carries from day to day.
#[derive(Clone)]
struct State {
    followers: f64,
    /// Followers won by ads still following (low-intent: they engage and ask less).
    bought: f64,
    trust: f64,
    capability: f64,
    /// Share of repeat complaints whose causes have been fixed (feedback acted on).
    fixed: f64,
    /// Would-be buyers put off by what a mishandled crisis left elsewhere (0–1).
    scar: f64,
    /// What people say about the company elsewhere, as a shift of trust from neutral.
    word: f64,
    /// Would-be buyers put off by a dead page they found (0–1): Dyka's failed entry.
    dead_mark: f64,
    adstock: f64,
    crisis: Option<Crisis>,
    leads: f64,
    customers: f64,
    cost: f64,
    revenue: f64,
    active: bool,
    /// The page exists: opened on day 0 or by a plan's change, and it stays up (an abandoned
    /// page keeps receiving messages) even when a plan later drops every lever.
    page: bool,
    /// The day before the programme started (0 unless a plan opened the page later): reviews
    /// and management's expectations count from it.
    started: u32,
    /// Leads when the programme (re)started: management judges what came since.
    leads_at_start: f64,
    /// The programme's next review day (its calendar counts from its start).
    next_review: u32,
    /// Reviews held since the programme (re)started.
    reviews: u32,
    last_in_loss: u32,
}

/// Today's attention: reach, engagement and clicks.
struct Attention {
    quality: f64,
    organic_reach: f64,
    organic_engagement: f64,
    paid_reach: f64,
    clicks: f64,
}

/// Today's conversations: messages, answers and crisis handling.
struct Exchange {
    angry_ignored: f64,
    answer_share: f64,
    /// Questions answered today: conversations that can become leads.
    conversations: f64,
    handling: f64,
}

/// Adds `total` to counters in proportion to `parts` (which sum to `sum`).
#[inline(always)]
fn attribute<const N: usize>(total: f64, parts: [f64; N], sum: f64, counters: [&mut f64; N]) {
    // Nothing to share out (most days on a quiet page) adds +0 to every counter: skipped.
    if sum > 0.0 && total != 0.0 {
        let scale = total / sum;
        for (c, p) in counters.into_iter().zip(parts) {
            *c += p * scale;
        }
    }
}

/// `x.max(0.0)` by a comparison: wasm32 has no instruction with `f64::max`'s NaN rule, so the
/// method costs a call there.
#[inline(always)]
fn positive(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}

/// Share of the followers who engage and ask like people who found the page: followers won by
/// ads count at `PAID_FOLLOWER_INTENT` ("measure what matters": followers can be bought).
#[inline(always)]
fn engaged_share(d: &Derived, st: &State) -> f64 {
    if d.mechanisms.low_intent_followers && st.followers > 0.0 {
        1.0 - (1.0 - PAID_FOLLOWER_INTENT) * st.bought / st.followers
    } else {
        1.0
    }
}

fn streams(seed: u64, run: u64) -> Streams {
    Streams {
        content: Stream::new(seed, run, Mechanism::Content),
        audience: Stream::new(seed, run, Mechanism::Audience),
        messages: Stream::new(seed, run, Mechanism::Messages),
        crisis: Stream::new(seed, run, Mechanism::Crisis),
        sales: Stream::new(seed, run, Mechanism::Sales),
        review: Stream::new(seed, run, Mechanism::Review),
        reputation: Stream::new(seed, run, Mechanism::Reputation),
    }
}

/// A run paused at the end of a day: what carries over, to go on with the same luck or,
/// forked, with new luck ("the futures still possible from here").
#[derive(Clone)]
pub struct Paused {
    day: u32,
    st: State,
}

impl Paused {
    /// The last day simulated.
    pub fn day(&self) -> u32 {
        self.day
    }
}

/// Simulates one run into `out`: every day in turn, then what is still open at the horizon.
pub(super) fn run(
    d: &Derived,
    company: &Company,
    starting_followers: f64,
    seed: u64,
    run: u64,
    out: &mut RunTrace,
) {
    let mut rng = streams(seed, run);
    let mut paused = begin(d, company, starting_followers, out);
    advance(d, company, &mut paused, d.days, &mut rng, out);
    finish(d, &paused, out);
}

/// Simulates run `run` up to `day` (a decision point of a game) into `out`, and returns the
/// run paused there.
pub(super) fn run_until(
    d: &Derived,
    company: &Company,
    starting_followers: f64,
    (seed, run, day): (u64, u64, u32),
    out: &mut RunTrace,
) -> Paused {
    let mut rng = streams(seed, run);
    let mut paused = begin(d, company, starting_followers, out);
    advance(d, company, &mut paused, day.min(d.days), &mut rng, out);
    out.values[(paused.day as usize + 1) * N_METRICS..].fill(0.0);
    paused
}

/// Simulates run `run` up to the last of `marks` (increasing days) into `out`, calling
/// `on_mark` at the end of each mark with the trace so far (what a page's history reports per
/// period); the days simulated are exactly those of [`run`]. Returns the run paused there.
pub(super) fn run_marked(
    d: &Derived,
    company: &Company,
    starting_followers: f64,
    (seed, run): (u64, u64),
    marks: &[u32],
    out: &mut RunTrace,
    on_mark: &mut dyn FnMut(u32, &RunTrace),
) -> Paused {
    let mut rng = streams(seed, run);
    let mut paused = begin(d, company, starting_followers, out);
    for &m in marks {
        advance(d, company, &mut paused, m.min(d.days), &mut rng, out);
        on_mark(paused.day, out);
    }
    paused
}

/// Continues a paused run to the horizon with the luck of fork `fork` (its own streams, the
/// same for every plan: common random numbers from the pause on). `out` must hold the run's
/// trace up to the pause; the days after it are written.
pub(super) fn run_fork(
    d: &Derived,
    company: &Company,
    paused: &Paused,
    (seed, fork): (u64, u64),
    out: &mut RunTrace,
) {
    let mut rng = streams(seed ^ 0xF0F0_5EED_0000_0000 ^ paused.day as u64, fork);
    let mut p = paused.clone();
    advance(d, company, &mut p, d.days, &mut rng, out);
    finish(d, &p, out);
}

/// Day 0: the trace cleared and the starting state. Every later day's row is written whole by
/// its step, so a reused trace of the right length is not cleared again (a run paused early
/// clears what follows itself: see [`run_until`]).
fn begin(d: &Derived, company: &Company, starting_followers: f64, out: &mut RunTrace) -> Paused {
    let len = (d.days() + 1) * N_METRICS;
    if out.values.len() == len {
        out.values[..N_METRICS].fill(0.0);
    } else {
        out.values.clear();
        out.values.resize(len, 0.0);
    }
    out.crises.clear();
    out.crises.reserve(MAX_CRISES_RECORDED);
    out.cancelled_day = None;
    out.break_even_day = None;
    out.goal_day = None;
    out.active_days = 0;
    out.first_active_day = d.open.then_some(0);
    out.company = Some(*company);
    out.why = RunWhy::default();
    out.early_answers = Default::default();

    let st = State {
        followers: starting_followers.min(d.market),
        bought: 0.0,
        trust: 0.5,
        capability: CAPABILITY_START,
        fixed: 0.0,
        scar: 0.0,
        word: 0.0,
        dead_mark: 0.0,
        adstock: 0.0,
        crisis: None,
        leads: 0.0,
        customers: 0.0,
        cost: 0.0,
        revenue: 0.0,
        active: d.open,
        page: d.open,
        started: 0,
        leads_at_start: 0.0,
        next_review: FIRST_REVIEW_DAYS,
        reviews: 0,
        last_in_loss: 0,
    };
    out.values[Metric::Followers.index()] = st.followers;
    out.values[Metric::Trust.index()] = 100.0 * st.trust;
    Paused { day: 0, st }
}

/// Simulates the days after the pause up to `until`.
fn advance(
    d: &Derived,
    company: &Company,
    p: &mut Paused,
    until: u32,
    rng: &mut Streams,
    out: &mut RunTrace,
) {
    let mut seg = d.on(p.day);
    // The plan's next change, found once, not searched for every day.
    let mut next = d.later.partition_point(|(from, _)| *from <= p.day);
    for day in p.day + 1..=until {
        if d.later.get(next).is_some_and(|(from, _)| *from == day) {
            seg = &d.later[next].1;
            next += 1;
            switch(d, seg, day, &mut p.st, out);
        }
        step(seg, company, day, &mut p.st, rng, out);
        out.mark_early(day);
    }
    p.day = p.day.max(until);
}

/// A plan's change on `day`: the new levers' quantities from today on. Levers that all drop to
/// zero pause the programme (the page stays up). A page opened by a change starts its
/// programme, judged with the buy-in then in force; a change after management
/// cancelled the programme is a new decision and restarts it (a stop day stays a stop).
fn switch(d: &Derived, seg: &Derived, day: u32, st: &mut State, out: &mut RunTrace) {
    let stopped = d.stop_day > 0 && day >= d.stop_day;
    let was = st.active;
    let restart = out.why.review_cancel_day.is_some() && out.cancelled_day.is_some();
    st.active = seg.open && !stopped;
    if st.active && (!st.page || restart) {
        st.page = true;
        st.started = day - 1;
        st.leads_at_start = st.leads;
        st.next_review = st.started + FIRST_REVIEW_DAYS;
        st.reviews = 0;
        out.cancelled_day = None;
        if restart {
            out.why.restarted_day = Some(day);
        }
    }
    if st.active && !was {
        out.first_active_day.get_or_insert(day);
    }
}

/// What is still open at the horizon: a burning crisis, the break-even day.
fn finish(d: &Derived, p: &Paused, out: &mut RunTrace) {
    let st = &p.st;
    // A moment of truth still burning at the horizon counts too.
    if let Some(c) = &st.crisis {
        c.record(d.days, st.trust, CrisisOutcome::Ongoing, out);
    }
    // Break-even: the day from which cumulative revenue stays at or above cumulative cost.
    if st.cost > 0.0 && st.last_in_loss < d.days {
        out.break_even_day = Some(st.last_in_loss + 1);
    }
}

/// One simulated day.
#[inline(always)]
fn step(
    d: &Derived,
    co: &Company,
    day: u32,
    st: &mut State,
    rng: &mut Streams,
    out: &mut RunTrace,
) {
    if st.active && day == d.stop_day {
        st.active = false;
        out.cancelled_day = Some(day);
    }
    let budget = if st.active {
        spend(d, &mut out.why)
    } else {
        0.0
    };
    let att = attention(d, co, st, rng);
    let ex = exchange(d, st, &att, rng, out);
    audience(d, co, st, &att, &ex, rng, &mut out.why);
    crises(d, co, day, st, &att, &ex, rng, out);

    // 6. Patience compounds: capability builds slowly with sustained effort, decays without.
    if d.mechanisms.capability_growth {
        let effort = if st.active { d.effort } else { 0.0 };
        // Without effort the growth term is exactly 0: its division is skipped.
        let grow = if effort > 0.0 {
            effort * (1.0 - st.capability) / (CAPABILITY_GROW_DAYS * co.capability_time)
        } else {
            0.0
        };
        st.capability += grow - (1.0 - effort) * st.capability / d.capability_decay_days;
    }
    // ...and the business fixes what people complain about, when the feedback reaches it.
    if st.active {
        st.fixed += (d.repeat_fix - st.fixed) / REPEAT_FIX_DAYS;
    }
    // 5 (cont.). Angry messages left unanswered are read elsewhere for months.
    // (No scar and no anger today leaves it at exactly 0: skipped.)
    if d.mechanisms.crisis_scar && (st.scar != 0.0 || ex.angry_ignored != 0.0) {
        st.scar += SCAR_PER_IGNORED * ex.angry_ignored * (1.0 - st.scar) - st.scar / SCAR_DAYS;
    }
    reputation(d, st, rng);

    outcomes(d, co, day, budget, st, &att, &ex, rng, out);
    review(d, day, st, rng, out);

    let row = &mut out.values[day as usize * N_METRICS..(day as usize + 1) * N_METRICS];
    row.copy_from_slice(&[
        att.organic_reach + att.paid_reach,
        st.followers,
        att.organic_engagement + att.clicks,
        100.0 * st.trust,
        st.leads,
        st.customers,
        st.cost,
        if st.cost > 0.0 {
            100.0 * (st.revenue / st.cost - 1.0)
        } else {
            0.0
        },
    ]);
}

/// 4 (cont.). People talk about the company elsewhere, page or not (Cohen #6): word of mouth
/// drifts about neutral (one draw a day from its own stream, whatever the levers: common random
/// numbers), and without a page it is the company's trust. 8 (cont.). A dead page that would-be buyers find
/// leaves a mark that fades slowly once the page is alive again or gone (Dyka).
#[inline(always)]
fn reputation(d: &Derived, st: &mut State, rng: &mut Streams) {
    // Word of mouth is read only while there is no page, and a page once opened stays open:
    // after that its stream (used nowhere else) is left alone, which changes no bit.
    if !st.page {
        let shock = rng.reputation.uniform() - 0.5; // variance 1/12
        st.word +=
            -st.word / REPUTATION_DAYS + shock * REPUTATION_SD * (24.0 / REPUTATION_DAYS).sqrt();
        st.trust = (0.5 + st.word).clamp(0.0, 1.0);
    }
    if d.mechanisms.failed_entry {
        if st.page && !st.active {
            st.dead_mark += (DEAD_PAGE_MARK - st.dead_mark) / DEAD_PAGE_DAYS;
        } else if st.dead_mark != 0.0 {
            st.dead_mark += -st.dead_mark / DEAD_PAGE_FADE_DAYS; // no mark stays exactly 0
        }
    }
}

/// The day's budget, split as the assumptions say; returns what was spent.
#[inline(always)]
fn spend(d: &Derived, why: &mut RunWhy) -> f64 {
    why.spent_content += d.content_per_day;
    why.spent_community += d.community_per_day;
    why.spent_promotion += d.promotion_per_day;
    d.content_per_day + d.community_per_day + d.promotion_per_day
}

/// 1. Attention is earned and decays: organic reach saturates with posting, paid reach follows
///    a Hill curve of the adstocked spend. 3. Engagement per person falls past the fatigue point.
#[inline(always)]
fn attention(d: &Derived, co: &Company, st: &mut State, rng: &mut Streams) -> Attention {
    let quality = if st.active {
        d.base_quality * (0.35 + 0.65 * st.capability)
    } else {
        0.0
    };
    let slots = if st.active { d.slots } else { 0.0 };
    let warmth = 0.75 + 0.5 * st.trust;
    let noise = d.reach_noise.sample(&mut rng.content);
    // The platform shows posts to the followers who engage with them: ad-won followers who do
    // not add little reach ("measure what matters": followers can be bought, attention not).
    let organic_reach = st.followers
        * engaged_share(d, st)
        * ORGANIC_REACH
        * co.reach
        * slots
        * (0.5 + quality)
        * noise;
    let engagement_rate =
        ENGAGEMENT_RATE * co.engagement * (0.4 + 1.2 * quality) * warmth * d.fatigue_engagement;
    let organic_engagement = rng.content.poisson(organic_reach * engagement_rate);
    let promotion = if st.active { d.promotion_per_day } else { 0.0 };
    st.adstock = st.adstock * d.adstock_decay + promotion * co.paid;
    // The best-matched people are reached first: past about PAID_RELEVANT_SPEND a day, extra
    // money buys reach further from the target and at higher frequency (growth like √spend).
    let relevant = st.adstock / (1.0 + st.adstock / d.relevant_adstock).sqrt();
    let paid_reach = d.paid_max * relevant / (relevant + d.paid_half_saturation) * noise;
    // Click-through is per impression: each person reached sees the ad AD_FREQUENCY times.
    let clicks = rng.content.poisson(
        paid_reach
            * (AD_FREQUENCY * PAID_ENGAGEMENT_RATE)
            * co.click_through
            * (0.5 + quality)
            * warmth,
    );
    Attention {
        quality,
        organic_reach,
        organic_engagement,
        paid_reach,
        clicks,
    }
}

/// 4. Two-way exchange: messages arrive at a page that exists; answered ones build trust,
///    ignored ones erode it. The community-management budget caps the staff's answers.
#[inline(always)]
fn exchange(
    d: &Derived,
    st: &mut State,
    att: &Attention,
    rng: &mut Streams,
    out: &mut RunTrace,
) -> Exchange {
    let angry = rng
        .crisis
        .poisson(st.crisis.as_ref().map_or(0.0, |c| c.intensity));
    if let Some(c) = st.crisis.as_mut() {
        c.angry_today = angry;
    }
    // Posting that fits its channel starts conversations; a copy-paste post fewer.
    let questions = (att.organic_engagement * d.question_fit + att.clicks) * d.question_share;
    let message_mean = if st.page {
        (MESSAGES_BASE + st.followers * engaged_share(d, st) * MESSAGES_PER_FOLLOWER + questions)
            * (1.0 - COMPLAINT_SHARE * st.fixed)
    } else {
        0.0
    };
    let messages = rng.messages.poisson(message_mean);
    let wanted = if st.active { d.answer_share } else { 0.0 };
    let need = (messages + angry) * wanted;
    let staff_share = if need > d.reply_capacity {
        wanted * d.reply_capacity / need
    } else {
        wanted
    };
    // 6. ...a community that answers for you grows with capability and audience.
    let community =
        COMMUNITY_ANSWER * st.capability * st.followers / (st.followers + COMMUNITY_SCALE);
    let answer_share = staff_share + (1.0 - staff_share) * community;
    let answered = rng.messages.binomial(messages, answer_share);

    // 5. Moments of truth: handling quality sets the branching ratio of the angry cascade.
    //    In a crisis a backed team is pulled in beyond the day's budget, so only what the
    //    levers ask for, the answer's speed and management's backing count.
    let handling = wanted * (0.5 + 0.5 * d.crisis_satisfaction) * d.backing;
    let angry_answered = angry * handling;
    let total = messages + angry;
    if total > 0.0 {
        let score = answered * (0.5 + 0.5 * d.reply_satisfaction) * d.answer_quality
            + (messages - answered) * IGNORED_SCORE
            + angry_answered * CRISIS_ANSWER_SCORE * d.crisis_satisfaction;
        let weight = total / (total + TRUST_VOLUME_HALF);
        st.trust += d.trust_speed * weight * (score / total - st.trust);
    }
    if st.active && d.posts_per_day > 0.0 {
        st.trust += CONTENT_TRUST_SPEED * d.presence * (0.4 + 0.4 * att.quality - st.trust);
    }
    st.trust = st.trust.clamp(0.0, 1.0);

    let w = &mut out.why;
    w.messages += total;
    w.answered += answered + angry_answered;
    if answer_share > 0.0 {
        let staff_hours = staff_share * d.reply_hours;
        let community_hours = (1.0 - staff_share) * community * COMMUNITY_REPLY_HOURS;
        w.answer_hours += answered * (staff_hours + community_hours) / answer_share;
    }
    w.answer_hours += angry_answered * d.reply_hours;
    if st.page && !st.active {
        w.messages_after_end += total;
    }
    Exchange {
        angry_ignored: angry - angry_answered,
        answer_share,
        // Complaints are answered too, but it is the questions that become conversations.
        conversations: answered * (1.0 - COMPLAINT_SHARE),
        handling,
    }
}

/// 2. Audience: diffusion through reach. Only people the page actually reaches (organic
///    suggestions, followers' shares, paid reach) can follow, in proportion to the share of the
///    market not yet following; followers leave through turnover, neglect, fatigue, distrust
///    and crises.
#[inline(always)]
fn audience(
    d: &Derived,
    co: &Company,
    st: &mut State,
    att: &Attention,
    ex: &Exchange,
    rng: &mut Streams,
    why: &mut RunWhy,
) {
    let posting = st.active && d.posts_per_day > 0.0;
    let unaware = (d.market - st.followers) / d.market;
    let warmth = (0.75 + 0.5 * st.trust) * co.follow * unaware;
    let appeal = (0.5 + att.quality) * d.fatigue_engagement * warmth;
    let discovery = att.organic_reach * NON_FOLLOWER_REACH * ORGANIC_FOLLOW_RATE * appeal;
    let word_of_mouth = att.organic_engagement
        * WORD_OF_MOUTH_REACH
        * WORD_OF_MOUTH_FOLLOW_RATE
        * d.fatigue_engagement
        * warmth;
    let paid = att.paid_reach * PAID_FOLLOW_RATE * warmth;
    let gained = discovery + word_of_mouth + paid;
    let joined = rng.audience.poisson(gained);
    let bought = if gained > 0.0 && joined != 0.0 {
        joined * paid / gained
    } else {
        0.0
    };
    attribute(
        joined,
        [paid, discovery, word_of_mouth],
        gained,
        [
            &mut why.followers_paid,
            &mut why.followers_discovery,
            &mut why.followers_word_of_mouth,
        ],
    );

    let f = st.followers;
    // A page that exists but is silent (or rarely heard from) loses followers to neglect.
    let presence = if st.active { d.presence } else { 0.0 };
    let neglect = if st.page {
        f * DORMANT_CHURN * (1.0 - presence)
    } else {
        0.0
    };
    let fatigue = if posting { f * d.fatigue_unfollow } else { 0.0 };
    let distrust = f * DISTRUST_CHURN * positive(1.0 - 2.0 * st.trust);
    let natural = f * BASE_CHURN;
    let crisis = ex.angry_ignored * ANGRY_UNFOLLOW;
    let leaving = neglect + fatigue + distrust + natural + crisis;
    let drawn = rng.audience.poisson(leaving);
    let left = if drawn < f { drawn } else { f };
    attribute(
        left,
        [neglect, fatigue, distrust, natural, crisis],
        leaving,
        [
            &mut why.lost_neglect,
            &mut why.lost_fatigue,
            &mut why.lost_distrust,
            &mut why.lost_natural,
            &mut why.lost_crises,
        ],
    );
    if let Some(c) = st.crisis.as_mut() {
        c.followers_lost += if leaving > 0.0 {
            left * crisis / leaving
        } else {
            0.0
        };
    }
    // Those who leave are a cross-section of the followers.
    let stay = if f > 0.0 && left != 0.0 {
        1.0 - left / f
    } else {
        1.0
    };
    st.bought = st.bought * stay + bought;
    st.followers = (f + joined - left).clamp(0.0, d.market);
    if st.bought > st.followers {
        st.bought = st.followers;
    }
}

/// 9. Outcomes: a lead needs attention (engagement or a click), intent (trust and know-how) and
///    usually an answer to its question; feedback that reaches the business lifts the close rate.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn outcomes(
    d: &Derived,
    co: &Company,
    day: u32,
    budget: f64,
    st: &mut State,
    att: &Attention,
    ex: &Exchange,
    rng: &mut Streams,
    out: &mut RunTrace,
) {
    let intent = trust_intent(st.trust)
        * (0.15 + st.capability)
        * co.conversion
        * (1.0 - st.scar)
        * (1.0 - st.dead_mark);
    let conversation = d.self_serve + (1.0 - d.self_serve) * ex.answer_share;
    let engagement = att.organic_engagement * LEADS_PER_ENGAGEMENT * conversation;
    // 4 (cont.). Organic exchange: an answered question is a conversation, and some become leads.
    let talk = if d.mechanisms.conversations {
        ex.conversations * d.leads_per_conversation
    } else {
        0.0
    };
    let organic = (engagement + talk) * intent;
    let paid = att.clicks * LEADS_PER_CLICK * intent * conversation;
    let new_leads = rng.sales.poisson(organic + paid);
    attribute(
        new_leads,
        [organic, paid],
        organic + paid,
        [&mut out.why.leads_organic, &mut out.why.leads_paid],
    );
    out.why.engagements += att.organic_engagement;
    out.why.clicks += att.clicks;
    let new_customers = rng.sales.binomial_table(&d.close, new_leads);
    st.leads += new_leads;
    st.customers += new_customers;
    st.revenue += new_customers * d.customer_value;
    st.cost += budget;
    if st.revenue < st.cost {
        st.last_in_loss = day;
    }
    if out.goal_day.is_none() && st.leads >= d.goal_leads {
        out.goal_day = Some(day);
    }
}
