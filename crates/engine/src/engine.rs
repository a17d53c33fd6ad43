//! One simulated future, day by day. The numbered mechanisms below match docs/MODEL.md.

use super::company::Company;
use super::constants::*;
use super::params::Scenario;
use super::rng::{inverse_normal_cdf, Mechanism, QuantileTable, Stream};
use super::why::RunWhy;
use serde::Serialize;

/// What is recorded every day, in this order.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Reach,
    Followers,
    Engagement,
    Trust,
    Leads,
    Customers,
    Cost,
    Roi,
}

impl Metric {
    pub const ALL: [Metric; 8] = [
        Metric::Reach,
        Metric::Followers,
        Metric::Engagement,
        Metric::Trust,
        Metric::Leads,
        Metric::Customers,
        Metric::Cost,
        Metric::Roi,
    ];

    /// The name in files, exports and the command line.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Reach => "reach",
            Metric::Followers => "followers",
            Metric::Engagement => "engagement",
            Metric::Trust => "trust",
            Metric::Leads => "leads",
            Metric::Customers => "customers",
            Metric::Cost => "cost",
            Metric::Roi => "roi",
        }
    }

    /// Position in a day's row of [`RunTrace::values`] and in [`Metric::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Adds up over time (a cumulative count or sum), so its percentile lines never fall.
    pub fn is_cumulative(self) -> bool {
        matches!(self, Metric::Leads | Metric::Customers | Metric::Cost)
    }
}

pub const N_METRICS: usize = Metric::ALL.len();

/// Scenario quantities that stay fixed while the programme runs, computed once per scenario
/// so that the daily step does only state-dependent work.
#[derive(Clone, Debug)]
pub struct Derived {
    days: u32,
    market: f64,
    /// A page exists: some budget or some posting. Without one, nobody can message the company
    /// on social media and the programme never starts (the `never-started` baseline).
    open: bool,
    /// The budget's three parts per day: content, community management, paid promotion.
    content_per_day: f64,
    community_per_day: f64,
    promotion_per_day: f64,
    /// Posts actually made per day (what was asked for, times what buy-in gets delivered).
    posts_per_day: f64,
    /// Sustained presence (0–1): three posts a week count as fully present.
    presence: f64,
    /// Quality before capability: craft (time behind each post) times channel fit.
    base_quality: f64,
    /// Audience "slots" the posts fill per day: saturates as posts compete within their half-life.
    slots: f64,
    fatigue_engagement: f64,
    fatigue_unfollow: f64,
    /// Intended share of messages answered: see [`staff_answer_share`].
    answer_share: f64,
    /// Messages a day the community-management budget (plus goodwill) can answer.
    reply_capacity: f64,
    reply_hours: f64,
    reply_satisfaction: f64,
    crisis_satisfaction: f64,
    backing: f64,
    adstock_decay: f64,
    /// Day-to-day reach noise: log-normal with mean 1.
    reach_noise: QuantileTable,
    paid_half_saturation: f64,
    paid_max: f64,
    /// Adstock of a steady PAID_RELEVANT_SPEND a day.
    relevant_adstock: f64,
    effort: f64,
    buy_in: f64,
    first_review: u32,
    close_rate: f64,
    customer_value: f64,
    goal_leads: f64,
    goal_day: u32,
    crisis_day: u32,
    stop_day: u32,
}

/// Share of people still satisfied by an answer that arrives after `hours`.
pub fn satisfaction(hours: f64) -> f64 {
    1.0 / (1.0 + hours / PATIENCE_HOURS)
}

/// Typical reply delay in hours for a responsiveness in 0..=1 (1 hour at the top).
pub fn reply_delay_hours(responsiveness: f64) -> f64 {
    1.0 + (SLOWEST_REPLY_HOURS - 1.0) * libm::pow(1.0 - responsiveness, 1.5)
}

/// Staff effort actually delivered (0–1) at a buy-in in 0..=1: a half-hearted experiment
/// gets a fraction of the hours it was promised.
pub fn effort_delivered(buy_in: f64) -> f64 {
    EFFORT_AT_NO_BUY_IN + (1.0 - EFFORT_AT_NO_BUY_IN) * buy_in
}

/// Share of the asked-for posts that get made at a buy-in in 0..=1.
pub fn posts_delivered(buy_in: f64) -> f64 {
    POSTS_AT_NO_BUY_IN + (1.0 - POSTS_AT_NO_BUY_IN) * buy_in
}

/// Share of messages the team tries to answer, for responsiveness and buy-in in 0..=1.
/// Concave: the first half of the scale decides whether people get answers at all, the top
/// of it mostly buys speed (see [`reply_delay_hours`]), so the lever saturates.
pub fn staff_answer_share(responsiveness: f64, buy_in: f64) -> f64 {
    let r = 1.0 - responsiveness;
    (1.0 - r * r) * (0.6 + 0.4 * effort_delivered(buy_in))
}

/// How much a lead's intent rises with trust (0–1): 1 at neutral trust, saturating above it.
pub fn trust_intent(trust: f64) -> f64 {
    1.6 * trust / (trust + 0.3)
}

/// The day of management's first review, for a buy-in in 0..=1 (later with more backing).
pub fn first_review_day(buy_in: f64) -> u32 {
    (FIRST_REVIEW_DAYS + FIRST_REVIEW_EXTRA_DAYS * buy_in).round() as u32
}

fn saturating_slots(posts_per_day: f64) -> f64 {
    let mean_life_hours = POST_HALF_LIFE_HOURS / core::f64::consts::LN_2;
    let most = AWAKE_HOURS / mean_life_hours;
    most * (1.0 - libm::exp(-posts_per_day / most))
}

/// Craft (0–1) of a post with `euros` of staff time behind it, when a good post costs
/// `post_cost`: 0.86 when fully paid for, 0.63 at half; smooth diminishing returns, so more
/// posts on the same money are each thinner.
pub fn craft(euros: f64, post_cost: f64) -> f64 {
    1.0 - libm::exp(-2.0 * euros / post_cost)
}

impl Derived {
    pub fn new(s: &Scenario) -> Self {
        let (l, a) = (&s.levers, &s.assumptions);
        let buy_in = l.buy_in / 100.0;
        let responsiveness = l.responsiveness / 100.0;
        let fit = a.channel_fit / 100.0;
        let open = l.budget > 0.0 || l.posts_per_week > 0.0;
        let effort_delivered = effort_delivered(buy_in);
        let budget_per_day = l.budget / DAYS_PER_MONTH;
        let (content, community, promotion) = a.budget_split();
        let goodwill = if open {
            GOODWILL_PER_DAY * effort_delivered
        } else {
            0.0
        };
        let posts_per_day = l.posts_per_week / 7.0 * posts_delivered(buy_in);
        let post_cost = POST_COST * (COPY_POST_COST_SHARE + (1.0 - COPY_POST_COST_SHARE) * fit);
        let content_time = budget_per_day * content + 0.5 * goodwill;
        // The content team also makes the ads' creative (about one a week), so posts and ads
        // share its time and craft changes smoothly from no posts to many.
        let craft = craft(
            content_time / (posts_per_day + AD_CREATIVES_PER_DAY),
            post_cost,
        );
        let over = (posts_per_day * 7.0 / FATIGUE_POSTS_PER_WEEK - 1.0).max(0.0);
        let adstock_decay = libm::pow(0.5, 1.0 / ADSTOCK_HALF_LIFE_DAYS);
        let paid_max = PAID_MAX_SHARE * a.market_size;
        let delay = reply_delay_hours(responsiveness);
        let presence = (posts_per_day / PRESENCE_POSTS_PER_DAY).min(1.0);
        let answer_share = staff_answer_share(responsiveness, buy_in);
        Derived {
            days: a.horizon_days,
            market: a.market_size,
            open,
            content_per_day: budget_per_day * content,
            community_per_day: budget_per_day * community,
            promotion_per_day: budget_per_day * promotion,
            posts_per_day,
            presence,
            base_quality: craft * (0.3 + 0.7 * fit),
            slots: saturating_slots(posts_per_day),
            fatigue_engagement: 1.0 / (1.0 + FATIGUE_ENGAGEMENT_SLOPE * over),
            fatigue_unfollow: FATIGUE_UNFOLLOW * over,
            answer_share,
            reply_capacity: (budget_per_day * community + 0.5 * goodwill) / REPLY_COST,
            reply_hours: delay,
            reply_satisfaction: satisfaction(delay),
            crisis_satisfaction: satisfaction(delay + (1.0 - buy_in) * SIGN_OFF_HOURS),
            backing: 0.4 + 0.6 * buy_in,
            adstock_decay,
            reach_noise: QuantileTable::new(|u| {
                libm::exp(REACH_NOISE * inverse_normal_cdf(u) - 0.5 * REACH_NOISE * REACH_NOISE)
            }),
            // Hill curve (shape 1): slope at zero equals PAID_REACH_PER_UNIT per unit of daily spend.
            paid_half_saturation: paid_max / (PAID_REACH_PER_UNIT * (1.0 - adstock_decay)),
            paid_max,
            relevant_adstock: PAID_RELEVANT_SPEND / (1.0 - adstock_decay),
            // Know-how grows from all three kinds of work: running the programme at all,
            // posting with time behind each post, and answering people.
            effort: effort_delivered
                * (0.3 + 0.4 * presence * libm::sqrt(craft) + 0.3 * answer_share),
            buy_in,
            first_review: first_review_day(buy_in),
            close_rate: a.close_rate / 100.0
                * (FEEDBACK_CLOSE_LOW + (FEEDBACK_CLOSE_HIGH - FEEDBACK_CLOSE_LOW) * buy_in),
            customer_value: a.customer_value,
            goal_leads: a.goal_leads,
            goal_day: a.goal_day,
            crisis_day: a.crisis_day,
            stop_day: a.stop_day,
        }
    }

    pub fn days(&self) -> usize {
        self.days as usize
    }

    pub fn goal_leads(&self) -> f64 {
        self.goal_leads
    }

    pub fn goal_day(&self) -> u32 {
        self.goal_day
    }

    /// The day of the first management review.
    pub fn first_review(&self) -> u32 {
        self.first_review
    }
}

/// How a moment of truth ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrisisOutcome {
    /// Answered quickly and with backing: it faded.
    Faded,
    /// Left to grow: it became a firestorm.
    Firestorm,
    /// Still running on the last simulated day, without (yet) having become a firestorm.
    Ongoing,
}

/// A moment of truth in one run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct CrisisEvent {
    pub day: u32,
    pub days_lasted: u32,
    pub angry_messages: f64,
    pub peak_per_day: f64,
    pub followers_lost: f64,
    /// Trust (0–100) just before the crisis minus trust when it ended.
    pub trust_lost: f64,
    pub outcome: CrisisOutcome,
}

/// Everything one run produced. Reused across runs, so simulating allocates nothing per day.
#[derive(Clone, Debug, Default)]
pub struct RunTrace {
    /// Day-major, day 0 (the start) included: `values[day * N_METRICS + metric]`.
    pub values: Vec<f64>,
    pub crises: Vec<CrisisEvent>,
    pub cancelled_day: Option<u32>,
    /// The day from which the run stays in profit to the horizon, if it does.
    pub break_even_day: Option<u32>,
    pub goal_day: Option<u32>,
    /// Days the programme was running (not cancelled or stopped).
    pub active_days: u32,
    /// The company this run drew (what we do not know about it).
    pub company: Option<Company>,
    /// Where money, followers, leads and answers went in this run.
    pub why: RunWhy,
}

impl RunTrace {
    pub fn value(&self, day: usize, metric: Metric) -> f64 {
        self.values[day * N_METRICS + metric.index()]
    }
    pub fn days(&self) -> usize {
        self.values.len() / N_METRICS
    }
}

/// Most crises recorded per run; the rest still happen but are not itemised.
pub const MAX_CRISES_RECORDED: usize = 16;

struct Crisis {
    start: u32,
    initial: f64,
    /// Most angry messages a day: in proportion to the attention the page had.
    cap: f64,
    /// Most angry messages in all: in proportion to the same attention.
    ceiling: f64,
    intensity: f64,
    /// Angry messages that arrived today (drawn with the day's messages).
    angry_today: f64,
    peak: f64,
    total: f64,
    followers_lost: f64,
    trust_before: f64,
}

impl Crisis {
    /// Records the crisis as it stands on `day`: a firestorm if its peak outgrew its start,
    /// otherwise `calm` (faded when it ended, ongoing when the horizon came first).
    fn record(&self, day: u32, trust: f64, calm: CrisisOutcome, out: &mut RunTrace) {
        let outcome = if self.peak > FIRESTORM_FACTOR * self.initial {
            CrisisOutcome::Firestorm
        } else {
            calm
        };
        *match outcome {
            CrisisOutcome::Faded => &mut out.why.crises_faded,
            CrisisOutcome::Firestorm => &mut out.why.crises_firestorm,
            CrisisOutcome::Ongoing => &mut out.why.crises_ongoing,
        } += 1.0;
        if out.crises.len() < MAX_CRISES_RECORDED {
            out.crises.push(CrisisEvent {
                day: self.start,
                days_lasted: day - self.start + 1,
                angry_messages: self.total,
                peak_per_day: self.peak,
                followers_lost: self.followers_lost,
                trust_lost: 100.0 * (self.trust_before - trust),
                outcome,
            });
        }
    }
}

struct Streams {
    content: Stream,
    audience: Stream,
    messages: Stream,
    crisis: Stream,
    sales: Stream,
    review: Stream,
}

/// The state of one run that carries from day to day.
struct State {
    followers: f64,
    trust: f64,
    capability: f64,
    adstock: f64,
    crisis: Option<Crisis>,
    leads: f64,
    customers: f64,
    cost: f64,
    revenue: f64,
    active: bool,
    next_review: u32,
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
    handling: f64,
}

/// Adds `total` to counters in proportion to `parts` (which sum to `sum`).
#[inline(always)]
fn attribute<const N: usize>(total: f64, parts: [f64; N], sum: f64, counters: [&mut f64; N]) {
    if sum > 0.0 {
        let scale = total / sum;
        for (c, p) in counters.into_iter().zip(parts) {
            *c += p * scale;
        }
    }
}

/// Simulates run `run` of a scenario under master seed `seed` into `out`.
pub fn simulate(d: &Derived, starting_followers: f64, seed: u64, run: u64, out: &mut RunTrace) {
    let company = Company::draw(seed, run);
    simulate_company(d, &company, starting_followers, seed, run, out);
}

/// Simulates run `run` for a given company (the company's draws are otherwise per run).
pub fn simulate_company(
    d: &Derived,
    company: &Company,
    starting_followers: f64,
    seed: u64,
    run: u64,
    out: &mut RunTrace,
) {
    let mut rng = Streams {
        content: Stream::new(seed, run, Mechanism::Content),
        audience: Stream::new(seed, run, Mechanism::Audience),
        messages: Stream::new(seed, run, Mechanism::Messages),
        crisis: Stream::new(seed, run, Mechanism::Crisis),
        sales: Stream::new(seed, run, Mechanism::Sales),
        review: Stream::new(seed, run, Mechanism::Review),
    };
    out.values.clear();
    out.values.resize((d.days() + 1) * N_METRICS, 0.0);
    out.crises.clear();
    out.crises.reserve(MAX_CRISES_RECORDED);
    out.cancelled_day = None;
    out.break_even_day = None;
    out.goal_day = None;
    out.active_days = 0;
    out.company = Some(*company);
    out.why = RunWhy::default();

    let mut st = State {
        followers: starting_followers.min(d.market),
        trust: 0.5,
        capability: CAPABILITY_START,
        adstock: 0.0,
        crisis: None,
        leads: 0.0,
        customers: 0.0,
        cost: 0.0,
        revenue: 0.0,
        active: d.open,
        next_review: d.first_review,
        last_in_loss: 0,
    };
    out.values[Metric::Followers.index()] = st.followers;
    out.values[Metric::Trust.index()] = 100.0 * st.trust;

    for day in 1..=d.days {
        step(d, company, day, &mut st, &mut rng, out);
    }
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
    let effort = if st.active { d.effort } else { 0.0 };
    st.capability += effort * (1.0 - st.capability) / CAPABILITY_GROW_DAYS
        - (1.0 - effort) * st.capability / CAPABILITY_DECAY_DAYS;

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
    let organic_reach = st.followers * ORGANIC_REACH * co.reach * slots * (0.5 + quality) * noise;
    let engagement_rate =
        ENGAGEMENT_RATE * co.engagement * (0.4 + 1.2 * quality) * warmth * d.fatigue_engagement;
    let organic_engagement = rng.content.poisson(organic_reach * engagement_rate);
    let promotion = if st.active { d.promotion_per_day } else { 0.0 };
    st.adstock = st.adstock * d.adstock_decay + promotion * co.paid;
    // The best-matched people are reached first: past about PAID_RELEVANT_SPEND a day, extra
    // money buys reach further from the target and at higher frequency (growth like √spend).
    let relevant = st.adstock / libm::sqrt(1.0 + st.adstock / d.relevant_adstock);
    let paid_reach = d.paid_max * relevant / (relevant + d.paid_half_saturation) * noise;
    let clicks = rng
        .content
        .poisson(paid_reach * PAID_ENGAGEMENT_RATE * (0.5 + quality) * warmth);
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
    let message_mean = if d.open {
        MESSAGES_BASE
            + st.followers * MESSAGES_PER_FOLLOWER
            + (att.organic_engagement + att.clicks) * QUESTION_SHARE
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
        let score = answered * (0.5 + 0.5 * d.reply_satisfaction)
            + (messages - answered) * IGNORED_SCORE
            + angry_answered * CRISIS_ANSWER_SCORE * d.crisis_satisfaction;
        let weight = total / (total + TRUST_VOLUME_HALF);
        st.trust += TRUST_SPEED * weight * (score / total - st.trust);
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
    if d.open && !st.active {
        w.messages_after_end += total;
    }
    Exchange {
        angry_ignored: angry - angry_answered,
        answer_share,
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
    let neglect = if d.open {
        f * DORMANT_CHURN * (1.0 - presence)
    } else {
        0.0
    };
    let fatigue = if posting { f * d.fatigue_unfollow } else { 0.0 };
    let distrust = f * DISTRUST_CHURN * (1.0 - 2.0 * st.trust).max(0.0);
    let natural = f * BASE_CHURN;
    let crisis = ex.angry_ignored * ANGRY_UNFOLLOW;
    let leaving = neglect + fatigue + distrust + natural + crisis;
    let left = rng.audience.poisson(leaving).min(f);
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
    st.followers = (f + joined - left).clamp(0.0, d.market);
}

/// 5 (cont.). Crisis arrival and the cascade: each angry message begets `branching` more
/// tomorrow, up to a ceiling in proportion to the attention the page had.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn crises(
    d: &Derived,
    co: &Company,
    day: u32,
    st: &mut State,
    att: &Attention,
    ex: &Exchange,
    rng: &mut Streams,
    out: &mut RunTrace,
) {
    let arrival = rng.crisis.uniform();
    if let Some(c) = st.crisis.as_mut() {
        let age = (day - c.start) as f64;
        let mishandled = (1.0 - ex.handling) * (1.0 - ex.handling);
        let branching = (BRANCHING_HANDLED + (BRANCHING_IGNORED - BRANCHING_HANDLED) * mishandled)
            * libm::pow(NEWS_FATIGUE, age);
        let angry = c.angry_today;
        c.total += angry;
        c.peak = c.peak.max(angry);
        c.intensity = (angry * branching).min(c.cap);
        // Everyone who cares has had their say: a crisis burns out within its audience.
        if c.total >= c.ceiling {
            c.intensity = 0.0;
        }
        if c.intensity < 0.5 {
            let done = st.crisis.take().expect("running");
            done.record(day, st.trust, CrisisOutcome::Faded, out);
        }
        return;
    }
    let distrust = (1.0 - 2.0 * st.trust).max(0.0);
    let forced = day == d.crisis_day;
    let exposure = (0.25 + 0.75 * st.followers / (st.followers + CRISIS_AUDIENCE_HALF))
        * if d.open { 1.0 } else { NO_PAGE_CRISIS_EXPOSURE };
    // A scheduled moment of truth is the run's first: no random one pre-empts it.
    let scheduled_later = day < d.crisis_day && d.crisis_day <= d.days;
    let random =
        !scheduled_later && arrival < CRISIS_RATE * co.crisis * (1.0 + 2.0 * distrust) * exposure;
    if forced || random {
        let attention = st.followers + att.organic_reach + att.paid_reach;
        let initial = CRISIS_INITIAL + CRISIS_PER_ATTENTION * attention;
        st.crisis = Some(Crisis {
            start: day,
            initial,
            cap: CRISIS_CAP_MIN + CRISIS_CAP_PER_ATTENTION * attention,
            ceiling: CRISIS_CEILING_MIN + CRISIS_CEILING_PER_ATTENTION * attention,
            intensity: initial,
            angry_today: 0.0,
            peak: 0.0,
            total: 0.0,
            followers_lost: 0.0,
            trust_before: st.trust,
        });
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
    let intent = trust_intent(st.trust) * (0.15 + st.capability) * co.conversion;
    let conversation = SELF_SERVE + (1.0 - SELF_SERVE) * ex.answer_share;
    let organic = att.organic_engagement * LEADS_PER_ENGAGEMENT * intent * conversation;
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
    let new_customers = rng.sales.binomial(new_leads, d.close_rate);
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

/// 7. Leadership reviews: management judges results against a straight-line expectation.
///    8. Cancelled: spending stops, attention and capability decay, the page stays up.
#[inline(always)]
fn review(d: &Derived, day: u32, st: &mut State, rng: &mut Streams, out: &mut RunTrace) {
    let draw = rng.review.uniform();
    if !st.active {
        return;
    }
    out.active_days = day;
    if day != st.next_review {
        return;
    }
    st.next_review += REVIEW_EVERY_DAYS;
    let expected = d.goal_leads * (day as f64 / d.goal_day as f64).min(1.0);
    let shortfall = (1.0 - st.leads / expected).clamp(0.0, 1.0);
    if draw < libm::pow(1.0 - d.buy_in, 1.5) * libm::sqrt(shortfall) {
        st.active = false;
        out.cancelled_day = Some(day);
        out.why.review_cancel_day = Some(day);
        out.why.cancelled_at_first_review = day == d.first_review;
    }
}
