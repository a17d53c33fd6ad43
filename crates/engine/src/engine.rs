//! One simulated future, day by day. The numbered mechanisms below match docs/MODEL.md.

use super::company::Company;
use super::constants::*;
use super::params::{Fixed, Levers, Mechanisms, Scenario};
use super::rng::{inverse_normal_cdf, BinomialTable, QuantileTable};
use super::why::RunWhy;
use serde::Serialize;

mod day;

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
    /// How much of the engagement's questions posting starts (channel fit).
    question_fit: f64,
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
    /// How much an answer settles (0–1): experts answer the substance, not "we'll pass it on".
    answer_quality: f64,
    /// Share of repeat complaints whose causes the business fixes, in time (feedback acted on).
    repeat_fix: f64,
    adstock_decay: f64,
    /// Day-to-day reach noise: log-normal with mean 1.
    reach_noise: QuantileTable,
    paid_half_saturation: f64,
    paid_max: f64,
    /// Adstock of a steady PAID_RELEVANT_SPEND a day.
    relevant_adstock: f64,
    effort: f64,
    buy_in: f64,
    /// Which mechanisms run (all but in tests that switch one off).
    mechanisms: Mechanisms,
    /// Management's grace before results are expected (days), for this buy-in.
    grace: f64,
    /// The constants below are the model's, times a test's factor (`Fixed`; 1 outside tests).
    trust_speed: f64,
    question_share: f64,
    leads_per_conversation: f64,
    self_serve: f64,
    capability_decay_days: f64,
    branching_ignored: f64,
    /// Binomial draws of customers from the day's leads at the close rate.
    close: BinomialTable,
    customer_value: f64,
    goal_leads: f64,
    goal_day: u32,
    crisis_day: u32,
    stop_day: u32,
    /// A plan's later segments: from each day on, the quantities of the levers then in force.
    later: Vec<(u32, Derived)>,
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

/// Days of grace management gives before it expects results, for a buy-in in 0..=1: none at
/// zero ("cancelled after six weeks"), about five months from a champion.
pub fn review_grace_days(buy_in: f64) -> f64 {
    REVIEW_GRACE_DAYS * buy_in
}

/// Leads management expects after `running` days of a programme: a straight line to the goal
/// that starts once the grace of the buy-in is over.
pub fn expected_leads(goal_leads: f64, goal_day: u32, running: f64, buy_in: f64) -> f64 {
    expected_after(goal_leads, goal_day, running, review_grace_days(buy_in))
}

/// [`expected_leads`] after a given grace (days).
pub(crate) fn expected_after(goal_leads: f64, goal_day: u32, running: f64, grace: f64) -> f64 {
    let judged = running - grace;
    goal_leads * (judged / goal_day as f64).clamp(0.0, 1.0)
}

/// The days (after the start) of management's reviews: the same calendar whatever the levers.
pub fn review_days() -> impl Iterator<Item = u32> {
    (FIRST_REVIEW_DAYS..).step_by(REVIEW_EVERY_DAYS as usize)
}

/// The first review (days after the start) at which management judges results, for a buy-in
/// in 0..=1: the first on the calendar after the grace.
pub fn first_review_day(buy_in: f64) -> u32 {
    let grace = review_grace_days(buy_in);
    review_days()
        .find(|&d| d as f64 > grace)
        .expect("the calendar runs on")
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
    /// The scenario's quantities, with one segment per change of its plan (a programme's
    /// review calendar follows the buy-in it started with; later buy-in changes how a review
    /// judges).
    pub fn new(s: &Scenario) -> Self {
        Derived::with_mechanisms(s, Mechanisms::ALL)
    }

    /// [`Derived::new`] with some mechanisms switched off (for tests that measure what each
    /// mechanism carries).
    pub fn with_mechanisms(s: &Scenario, mechanisms: Mechanisms) -> Self {
        Derived::with_fixed(s, mechanisms, Fixed::MODEL)
    }

    /// [`Derived::with_mechanisms`] with some constants that are the same in every run moved
    /// (for tests that measure what each one moves).
    pub fn with_fixed(s: &Scenario, mechanisms: Mechanisms, fixed: Fixed) -> Self {
        let mut root = Derived::segment(s, mechanisms, fixed);
        root.later = s
            .changes
            .changes()
            .iter()
            .map(|c| {
                let levers = s.changes.levers_on(s.levers, c.day);
                (
                    c.day,
                    Derived::segment(&Scenario { levers, ..*s }, mechanisms, fixed),
                )
            })
            .collect();
        root
    }

    /// `s` (its levers from day 0) whose levers change on the given days, in increasing order:
    /// any number of changes, unlike a plan in a file (a fitted history's periods, then a
    /// forecast's levers). `s`'s own plan is not used.
    pub fn with_changes(s: &Scenario, changes: &[(u32, Levers)]) -> Self {
        let mut root = Derived::segment(s, Mechanisms::ALL, Fixed::MODEL);
        root.later = changes
            .iter()
            .map(|&(day, levers)| {
                let seg = Scenario { levers, ..*s };
                (day, Derived::segment(&seg, Mechanisms::ALL, Fixed::MODEL))
            })
            .collect();
        root
    }

    /// The segment of the plan in force on `day` (`self` is the first).
    pub fn on(&self, day: u32) -> &Derived {
        self.later
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .map_or(self, |(_, seg)| seg)
    }

    fn segment(s: &Scenario, mechanisms: Mechanisms, fixed: Fixed) -> Self {
        let (l, a) = (&s.levers, &s.assumptions);
        let buy_in = l.buy_in / 100.0;
        let staff = Mechanisms::buy_in_through(mechanisms.staff_time, buy_in);
        let feedback = Mechanisms::buy_in_through(mechanisms.feedback, buy_in);
        let experts = Mechanisms::buy_in_through(mechanisms.experts, buy_in);
        let responsiveness = l.responsiveness / 100.0;
        let fit = a.channel_fit / 100.0;
        let open = l.page_exists();
        let effort_delivered = effort_delivered(staff);
        let budget_per_day = l.budget / DAYS_PER_MONTH;
        let (content, community, promotion) = a.budget_split();
        let goodwill = if open {
            GOODWILL_PER_DAY * effort_delivered
        } else {
            0.0
        };
        let posts_per_day = l.posts_per_week / 7.0 * posts_delivered(staff);
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
        let answer_share = staff_answer_share(responsiveness, staff);
        let close_rate = a.close_rate / 100.0
            * (FEEDBACK_CLOSE_LOW + (FEEDBACK_CLOSE_HIGH - FEEDBACK_CLOSE_LOW) * feedback);
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
            question_fit: QUESTIONS_AT_NO_FIT + (1.0 - QUESTIONS_AT_NO_FIT) * fit,
            slots: saturating_slots(posts_per_day),
            fatigue_engagement: 1.0 / (1.0 + FATIGUE_ENGAGEMENT_SLOPE * fixed.fatigue_slope * over),
            fatigue_unfollow: FATIGUE_UNFOLLOW * over,
            answer_share,
            reply_capacity: (budget_per_day * community + 0.5 * goodwill) / REPLY_COST,
            reply_hours: delay,
            reply_satisfaction: satisfaction(delay),
            crisis_satisfaction: satisfaction(delay + (1.0 - experts) * SIGN_OFF_HOURS),
            backing: 0.4 + 0.6 * experts,
            answer_quality: EXPERT_ANSWER_LOW + (1.0 - EXPERT_ANSWER_LOW) * experts,
            repeat_fix: REPEAT_FIX * feedback,
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
            effort: effort_delivered * (0.3 + 0.4 * presence * craft.sqrt() + 0.3 * answer_share),
            buy_in,
            mechanisms,
            grace: review_grace_days(buy_in) * fixed.review_grace,
            trust_speed: TRUST_SPEED * fixed.trust_speed,
            question_share: QUESTION_SHARE * fixed.question_share,
            leads_per_conversation: LEADS_PER_CONVERSATION * fixed.leads_per_conversation,
            self_serve: SELF_SERVE * fixed.self_serve,
            capability_decay_days: CAPABILITY_DECAY_DAYS * fixed.capability_decay,
            branching_ignored: BRANCHING_IGNORED * fixed.branching_ignored,
            close: BinomialTable::new(close_rate),
            customer_value: a.customer_value,
            goal_leads: a.goal_leads,
            goal_day: a.goal_day,
            crisis_day: a.crisis_day,
            stop_day: a.stop_day,
            later: Vec::new(),
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
    /// The first day the programme was running (0 for one that starts at once; a plan may
    /// open the page later; never for a company that never started).
    pub first_active_day: Option<u32>,
    /// The company this run drew (what we do not know about it).
    pub company: Option<Company>,
    /// Where money, followers, leads and answers went in this run.
    pub why: RunWhy,
    /// Messages so far and answered so far at the end of each of `EARLY_DAYS` (what a manager
    /// could see then; see `per_run.rs`).
    pub early_answers: [[f64; 2]; 2],
}

/// The early days at which the Monte Carlo asks how well each metric predicts the outcome.
pub const EARLY_DAYS: [u32; 2] = [90, 180];

impl RunTrace {
    /// Notes what is only counted in totals (the answers) at the end of an early day.
    #[inline(always)]
    pub(crate) fn mark_early(&mut self, day: u32) {
        if let Some(i) = EARLY_DAYS.iter().position(|&d| d == day) {
            self.early_answers[i] = [self.why.messages, self.why.answered];
        }
    }
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

/// Simulates run `run` of a scenario under master seed `seed` into `out`.
pub fn simulate(d: &Derived, starting_followers: f64, seed: u64, run: u64, out: &mut RunTrace) {
    let company = Company::draw(seed, run);
    day::run(d, &company, starting_followers, seed, run, out);
}

/// Simulates run `run` for a given company rather than the one the run draws (the luck is the
/// run's): what one of the company's constants does at either end of its range.
pub fn simulate_company(
    d: &Derived,
    company: &Company,
    starting_followers: f64,
    (seed, run): (u64, u64),
    out: &mut RunTrace,
) {
    day::run(d, company, starting_followers, seed, run, out);
}

/// Simulates run `run` only up to the end of day `day` (at most the horizon): the days up to
/// it are exactly those of the full run (nothing before a day depends on the days after it),
/// the rest of `out.values` stays zero, and what is settled at the horizon (break-even, a
/// crisis still burning) is not. For outcomes read on that day, at a fraction of the cost.
pub fn simulate_until(
    d: &Derived,
    starting_followers: f64,
    (seed, run): (u64, u64),
    day: u32,
    out: &mut RunTrace,
) {
    let company = Company::draw(seed, run);
    let _ = day::run_until(d, &company, starting_followers, (seed, run, day), out);
}

/// Simulates run `run` with a given company to the last of `marks` (increasing days),
/// calling `on_mark(day, trace)` at the end of each: the days are exactly those of
/// [`simulate`] with that company (the fit of a page's history reads its periods this way).
pub fn simulate_marked(
    d: &Derived,
    company: &Company,
    starting_followers: f64,
    (seed, run): (u64, u64),
    marks: &[u32],
    out: &mut RunTrace,
    on_mark: &mut dyn FnMut(u32, &RunTrace),
) -> Paused {
    day::run_marked(
        d,
        company,
        starting_followers,
        (seed, run),
        marks,
        out,
        on_mark,
    )
}

pub use day::Paused;

/// A game's own future up to `day`: run `run` of the scenario (its company and luck), paused
/// at the end of that day, with its trace so far.
pub fn play_until(d: &Derived, start: f64, seed: u64, run: u64, day: u32) -> (RunTrace, Paused) {
    let company = Company::draw(seed, run);
    let mut trace = RunTrace::default();
    let paused = day::run_until(d, &company, start, (seed, run, day), &mut trace);
    (trace, paused)
}

/// Continues a paused game to the horizon with the luck of `fork`; `out` must hold the
/// game's trace up to the pause (the company is the game's: the same firm, new luck).
pub fn simulate_fork(d: &Derived, paused: &Paused, seed: u64, fork: u64, out: &mut RunTrace) {
    let company = out.company.expect("a game's trace names its company");
    day::run_fork(d, &company, paused, (seed, fork), out);
}
