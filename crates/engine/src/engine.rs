//! One simulated future, day by day. The numbered mechanisms below match docs/MODEL.md.

use super::constants::*;
use super::params::Scenario;
use super::rng::{inverse_normal_cdf, Mechanism, QuantileTable, Stream};
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
    budget_per_day: f64,
    /// Posts actually made per day (what was asked for, times the effort buy-in delivers).
    posts_per_day: f64,
    /// Budget spent on content per day, and the share of the content's needs it covers.
    content_spend: f64,
    /// Quality before capability: thinned by under-resourcing, lifted by channel fit.
    base_quality: f64,
    /// Audience "slots" the posts fill per day: saturates as posts compete within their half-life.
    slots: f64,
    slots_reference: f64,
    fatigue_engagement: f64,
    fatigue_unfollow: f64,
    /// Intended share of messages answered: see [`staff_answer_share`].
    answer_share: f64,
    reply_satisfaction: f64,
    crisis_satisfaction: f64,
    backing: f64,
    adstock_decay: f64,
    /// Day-to-day reach noise: log-normal with mean 1.
    reach_noise: QuantileTable,
    paid_half_saturation: f64,
    paid_max: f64,
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
fn satisfaction(hours: f64) -> f64 {
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

/// Share of messages the team tries to answer, for responsiveness and buy-in in 0..=1.
pub fn staff_answer_share(responsiveness: f64, buy_in: f64) -> f64 {
    responsiveness * (0.6 + 0.4 * effort_delivered(buy_in))
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

impl Derived {
    pub fn new(s: &Scenario) -> Self {
        let (l, a) = (&s.levers, &s.assumptions);
        let buy_in = l.buy_in / 100.0;
        let responsiveness = l.responsiveness / 100.0;
        let fit = a.channel_fit / 100.0;
        let effort_delivered = effort_delivered(buy_in);
        let budget_per_day = l.budget / DAYS_PER_MONTH;
        let posts_per_day = l.posts_per_week / 7.0 * effort_delivered;
        let post_cost = POST_COST * (COPY_POST_COST_SHARE + (1.0 - COPY_POST_COST_SHARE) * fit);
        let content_need = posts_per_day * post_cost;
        let content_spend = content_need.min(budget_per_day);
        let resourcing = if content_need > 0.0 {
            content_spend / content_need
        } else {
            0.0
        };
        let over = (posts_per_day * 7.0 / FATIGUE_POSTS_PER_WEEK - 1.0).max(0.0);
        let adstock_decay = libm::pow(0.5, 1.0 / ADSTOCK_HALF_LIFE_DAYS);
        let paid_max = PAID_MAX_SHARE * a.market_size;
        let delay = reply_delay_hours(responsiveness);
        let presence = (posts_per_day / PRESENCE_POSTS_PER_DAY).min(1.0);
        let answer_share = staff_answer_share(responsiveness, buy_in);
        Derived {
            days: a.horizon_days,
            market: a.market_size,
            budget_per_day,
            posts_per_day,
            content_spend,
            base_quality: libm::pow(resourcing, 0.6) * (0.4 + 0.6 * fit),
            slots: saturating_slots(posts_per_day),
            slots_reference: saturating_slots(1.0),
            fatigue_engagement: 1.0 / (1.0 + FATIGUE_ENGAGEMENT_SLOPE * over),
            fatigue_unfollow: FATIGUE_UNFOLLOW * over,
            answer_share,
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
            effort: presence
                * libm::sqrt(resourcing)
                * effort_delivered
                * (0.6 + 0.4 * answer_share),
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
    intensity: f64,
    peak: f64,
    total: f64,
    followers_lost: f64,
    trust_before: f64,
}

impl Crisis {
    /// Records the crisis as it stands on `day`: a firestorm if its peak outgrew its start,
    /// otherwise `calm` (faded when it ended, ongoing when the horizon came first).
    fn record(&self, day: u32, trust: f64, calm: CrisisOutcome, events: &mut Vec<CrisisEvent>) {
        if events.len() < MAX_CRISES_RECORDED {
            events.push(CrisisEvent {
                day: self.start,
                days_lasted: day - self.start + 1,
                angry_messages: self.total,
                peak_per_day: self.peak,
                followers_lost: self.followers_lost,
                trust_lost: 100.0 * (self.trust_before - trust),
                outcome: if self.peak > FIRESTORM_FACTOR * self.initial {
                    CrisisOutcome::Firestorm
                } else {
                    calm
                },
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

/// Simulates run `run` of a scenario under master seed `seed` into `out`.
pub fn simulate(d: &Derived, starting_followers: f64, seed: u64, run: u64, out: &mut RunTrace) {
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

    let m = d.market;
    let mut followers = starting_followers.min(m);
    let mut trust = 0.5;
    let mut capability = CAPABILITY_START;
    let mut adstock = 0.0;
    let mut crisis: Option<Crisis> = None;
    let (mut leads, mut customers, mut cost, mut revenue) = (0.0, 0.0, 0.0, 0.0);
    let mut active = true;
    let mut next_review = d.first_review;
    let mut last_in_loss = 0;
    out.values[Metric::Followers.index()] = followers;
    out.values[Metric::Trust.index()] = 100.0 * trust;

    for day in 1..=d.days {
        if active && day == d.stop_day {
            active = false;
            out.cancelled_day = Some(day);
        }
        let (budget, posts) = if active {
            (d.budget_per_day, d.posts_per_day)
        } else {
            (0.0, 0.0)
        };
        let trust_factor = 0.5 + trust;

        // 1. Attention is earned and decays: organic reach saturates with posting, paid reach
        //    follows a Hill curve of the adstocked spend.
        let quality = if posts > 0.0 {
            d.base_quality * (0.35 + 0.65 * capability)
        } else {
            0.0
        };
        let slots = if active { d.slots } else { 0.0 };
        let noise = d.reach_noise.sample(&mut rng.content);
        let organic_reach = followers * ORGANIC_REACH * slots * (0.5 + quality) * noise;
        let content_spend = if active { d.content_spend } else { 0.0 };
        let left_after_content = budget - content_spend;

        // 3. Frequency: engagement per person falls past the fatigue point.
        let engagement_rate =
            ENGAGEMENT_RATE * (0.4 + 1.2 * quality) * trust_factor * d.fatigue_engagement;
        let organic_engagement = rng.content.poisson(organic_reach * engagement_rate);

        // 4. Two-way exchange: messages arrive; answered ones build trust, ignored ones erode it.
        let angry = rng
            .crisis
            .poisson(crisis.as_ref().map_or(0.0, |c| c.intensity));
        let message_mean =
            MESSAGES_BASE + followers * MESSAGES_PER_FOLLOWER + organic_engagement * QUESTION_SHARE;
        let messages = rng.messages.poisson(message_mean);
        let wanted = if active { d.answer_share } else { 0.0 };
        let reply_need = (messages + angry) * wanted * REPLY_COST;
        let affordable = if reply_need > 0.0 {
            (left_after_content / reply_need).min(1.0)
        } else {
            1.0
        };
        let staff_share = wanted * affordable;
        // 6. ...a community that answers for you grows with capability and audience.
        let community = COMMUNITY_ANSWER * capability * followers / (followers + COMMUNITY_SCALE);
        let answer_share = staff_share + (1.0 - staff_share) * community;
        let answered = rng.messages.binomial(messages, answer_share);
        let reply_spend = (messages + angry) * staff_share * REPLY_COST;
        let promotion = (left_after_content - reply_spend).max(0.0);

        adstock = adstock * d.adstock_decay + promotion;
        let paid_reach = d.paid_max * adstock / (adstock + d.paid_half_saturation) * noise;
        let paid_engagement = rng
            .content
            .poisson(paid_reach * PAID_ENGAGEMENT_RATE * (0.5 + 0.5 * trust_factor));

        // 5. Moments of truth: handling quality sets the branching ratio of the angry cascade.
        //    In a crisis a backed team is pulled in beyond the day's budget, so only what the
        //    levers ask for, the answer's speed and management's backing count.
        let handling = wanted * (0.5 + 0.5 * d.crisis_satisfaction) * d.backing;
        let angry_answered = angry * handling;
        let angry_ignored = angry - angry_answered;
        let total = messages + angry;
        if total > 0.0 {
            let score = answered * (0.5 + 0.5 * d.reply_satisfaction)
                + (messages - answered) * IGNORED_SCORE
                + angry_answered * CRISIS_ANSWER_SCORE * d.crisis_satisfaction;
            let weight = total / (total + TRUST_VOLUME_HALF);
            trust += TRUST_SPEED * weight * (score / total - trust);
        }
        if posts > 0.0 {
            let presence = (posts / PRESENCE_POSTS_PER_DAY).min(1.0);
            trust += CONTENT_TRUST_SPEED * presence * (0.4 + 0.4 * quality - trust);
        }
        trust = trust.clamp(0.0, 1.0);

        // 2. Audience: Bass diffusion (discovery + word of mouth needing engagement and trust).
        let presence = (slots / d.slots_reference).min(1.0);
        let discovery = BASS_P / 365.0 * presence * (0.5 + quality);
        let word_of_mouth =
            (0.4 + 1.2 * quality) * trust_factor * trust_factor * d.fatigue_engagement * presence;
        let imitation = BASS_Q / 365.0 * (followers / m) * word_of_mouth;
        let non_followers = m - followers;
        let paid_follows = paid_reach * (non_followers / m) * PAID_FOLLOW_RATE * trust_factor;
        let joined = rng
            .audience
            .poisson((discovery + imitation) * non_followers + paid_follows);
        let churn = BASE_CHURN
            + d.fatigue_unfollow * (posts > 0.0) as u8 as f64
            + DISTRUST_CHURN * (1.0 - 2.0 * trust).max(0.0)
            + DORMANT_CHURN * (posts == 0.0) as u8 as f64;
        let crisis_unfollows = angry_ignored * ANGRY_UNFOLLOW;
        let left = rng
            .audience
            .poisson(followers * churn + crisis_unfollows)
            .min(followers);
        followers = (followers + joined - left).clamp(0.0, m);

        // 5 (cont.). The cascade: each angry message begets `branching` more tomorrow.
        let arrival = rng.crisis.uniform();
        if let Some(c) = crisis.as_mut() {
            let age = (day - c.start) as f64;
            let mishandled = (1.0 - handling) * (1.0 - handling);
            let branching = (BRANCHING_HANDLED
                + (BRANCHING_IGNORED - BRANCHING_HANDLED) * mishandled)
                * libm::pow(NEWS_FATIGUE, age);
            c.total += angry;
            c.peak = c.peak.max(angry);
            c.followers_lost += crisis_unfollows.min(left);
            c.intensity = (angry * branching).min(CRISIS_CAP_SHARE * m);
            if c.intensity < 0.5 {
                c.record(day, trust, CrisisOutcome::Faded, &mut out.crises);
                crisis = None;
            }
        } else {
            let distrust = (1.0 - 2.0 * trust).max(0.0);
            let forced = day == d.crisis_day;
            let exposure = 0.25 + 0.75 * followers / (followers + CRISIS_AUDIENCE_HALF);
            // A scheduled moment of truth is the run's first: no random one pre-empts it.
            let scheduled_later = day < d.crisis_day && d.crisis_day <= d.days;
            let random =
                !scheduled_later && arrival < CRISIS_RATE * (1.0 + 2.0 * distrust) * exposure;
            if forced || random {
                let initial = CRISIS_INITIAL + CRISIS_PER_FOLLOWER * followers;
                crisis = Some(Crisis {
                    start: day,
                    initial,
                    intensity: initial,
                    peak: 0.0,
                    total: 0.0,
                    followers_lost: 0.0,
                    trust_before: trust,
                });
            }
        }

        // 6. Patience compounds: capability builds slowly with sustained effort, decays without.
        let effort = if active { d.effort } else { 0.0 };
        capability += effort * (1.0 - capability) / CAPABILITY_GROW_DAYS
            - (1.0 - effort) * capability / CAPABILITY_DECAY_DAYS;

        // 9. Outcomes: leads need engagement, trust and know-how; feedback lifts the close rate.
        let intent = (trust / 0.5) * (trust / 0.5) * (0.5 + capability);
        let lead_mean = (organic_engagement * LEADS_PER_ENGAGEMENT
            + paid_engagement * LEADS_PER_PAID_ENGAGEMENT)
            * intent;
        let new_leads = rng.sales.poisson(lead_mean);
        let new_customers = rng.sales.binomial(new_leads, d.close_rate);
        leads += new_leads;
        customers += new_customers;
        revenue += new_customers * d.customer_value;
        cost += budget;
        let roi = if cost > 0.0 {
            100.0 * (revenue / cost - 1.0)
        } else {
            0.0
        };
        if revenue < cost {
            last_in_loss = day;
        }
        if out.goal_day.is_none() && leads >= d.goal_leads {
            out.goal_day = Some(day);
        }

        // 7. Leadership reviews: management judges results against a straight-line expectation.
        let review_draw = rng.review.uniform();
        if active {
            out.active_days = day;
            if day == next_review {
                next_review += REVIEW_EVERY_DAYS;
                let expected = d.goal_leads * (day as f64 / d.goal_day as f64).min(1.0);
                let shortfall = (1.0 - leads / expected).clamp(0.0, 1.0);
                if review_draw < libm::pow(1.0 - d.buy_in, 1.5) * libm::sqrt(shortfall) {
                    active = false; // 8. Cancelled: spending stops, attention and capability decay.
                    out.cancelled_day = Some(day);
                }
            }
        }

        let row = &mut out.values[day as usize * N_METRICS..(day as usize + 1) * N_METRICS];
        row.copy_from_slice(&[
            organic_reach + paid_reach,
            followers,
            organic_engagement + paid_engagement,
            100.0 * trust,
            leads,
            customers,
            cost,
            roi,
        ]);
    }
    // A moment of truth still burning at the horizon counts too.
    if let Some(c) = &crisis {
        c.record(d.days, trust, CrisisOutcome::Ongoing, &mut out.crises);
    }
    // Break-even: the day from which cumulative revenue stays at or above cumulative cost.
    if cost > 0.0 && last_in_loss < d.days {
        out.break_even_day = Some(last_in_loss + 1);
    }
}
