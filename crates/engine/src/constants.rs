//! The model's fixed parameters. Each is listed with its source (or "assumption") in the
//! parameter table of docs/MODEL.md; keep the two in step. The company-specific ones among them
//! are medians: each run draws its own company around them (see `company.rs`).

/// Average days per month, to turn a monthly budget into a daily one.
pub const DAYS_PER_MONTH: f64 = 30.44;

// --- Budget and staff time -----------------------------------------------------------
/// Fully loaded cost of an hour of staff time (Swedish/EU salary plus employer fees).
pub const HOURLY_COST: f64 = 40.0;
/// Staff cost of one post written for its channel (about 1.5 hours).
pub const POST_COST: f64 = 1.5 * HOURLY_COST;
/// Share of that cost a copy-paste post ("same message everywhere") still needs.
pub const COPY_POST_COST_SHARE: f64 = 0.4;
/// Ad creatives the content team makes a day when there is paid promotion (about one a week).
pub const AD_CREATIVES_PER_DAY: f64 = 1.0 / 7.0;
/// Staff cost of answering one message (about 6 minutes).
pub const REPLY_COST: f64 = 0.1 * HOURLY_COST;
/// Spare minutes people give a page whatever the budget, in euros of staff time per day
/// (about two hours a week), at full buy-in; half for content, half for answers.
pub const GOODWILL_PER_DAY: f64 = 12.0;

// --- Attention ---------------------------------------------------------------------
/// Share of followers an organic post reaches at neutral quality (published: 2–6%).
pub const ORGANIC_REACH: f64 = 0.04;
/// Share of organic reach that lands outside the followers (suggestions, search, explore).
pub const NON_FOLLOWER_REACH: f64 = 0.25;
/// Half-life of a post's attention in hours (Facebook ~1.5 h in published measurements).
pub const POST_HALF_LIFE_HOURS: f64 = 1.5;
/// Waking hours in which a post can be seen.
pub const AWAKE_HOURS: f64 = 16.0;
/// Engagements (reactions, comments, shares) per person reached organically.
pub const ENGAGEMENT_RATE: f64 = 0.02;
/// Clicks per ad impression (click-through 0.90 %, WordStream's 2017 Facebook average).
pub const PAID_ENGAGEMENT_RATE: f64 = 0.009;
/// Ad impressions per person paid promotion reaches in a day (frequency ~2).
pub const AD_FREQUENCY: f64 = 2.0;
/// Unique people reached per euro at low paid spend (CPM ~10 at frequency AD_FREQUENCY).
pub const PAID_REACH_PER_UNIT: f64 = 50.0;
/// Most of the market paid promotion can reach in a day (Hill curve ceiling).
pub const PAID_MAX_SHARE: f64 = 0.2;
/// Daily promotion (euros) that reaches the best-matched people before returns diminish.
pub const PAID_RELEVANT_SPEND: f64 = 150.0;
/// Adstock half-life of paid promotion in days (weekly decay ~0.3, as in open MMM projects).
pub const ADSTOCK_HALF_LIFE_DAYS: f64 = 4.0;
/// Day-to-day volatility of reach (platform algorithm, news, timing): log-normal sigma.
pub const REACH_NOISE: f64 = 0.3;

// --- Posting frequency ---------------------------------------------------------------
/// Posts per week beyond which followers tire of the page.
pub const FATIGUE_POSTS_PER_WEEK: f64 = 14.0;
/// How fast engagement per post falls past the fatigue point.
pub const FATIGUE_ENGAGEMENT_SLOPE: f64 = 0.8;
/// Extra daily unfollow probability per unit of posting beyond the fatigue point.
pub const FATIGUE_UNFOLLOW: f64 = 0.0008;
/// Share of the asked-for posts delivered at zero buy-in (the rest is never found time for).
pub const POSTS_AT_NO_BUY_IN: f64 = 0.75;

// --- Audience: diffusion through reach ------------------------------------------------------
/// Share of non-followers reached organically (suggestions, search) who follow a good page.
pub const ORGANIC_FOLLOW_RATE: f64 = 0.04;
/// People outside the page who see a follower's engagement (a share, a tag, a comment).
pub const WORD_OF_MOUTH_REACH: f64 = 5.0;
/// Share of them who follow.
pub const WORD_OF_MOUTH_FOLLOW_RATE: f64 = 0.03;
/// Share of non-followers reached by a paid post who follow the page.
pub const PAID_FOLLOW_RATE: f64 = 0.016;
/// Engagement and messages of a follower won by an ad, relative to one who found the page
/// (assumption, 0.1–0.5: ad-won followers are low-intent; "measure what matters").
pub const PAID_FOLLOWER_INTENT: f64 = 0.1;
/// Daily probability that a follower leaves, all else equal (~17% a year).
pub const BASE_CHURN: f64 = 0.0005;
/// Extra daily churn at the lowest trust.
pub const DISTRUST_CHURN: f64 = 0.002;
/// Extra daily churn while the page is silent or abandoned.
pub const DORMANT_CHURN: f64 = 0.0008;

// --- Two-way exchange ------------------------------------------------------------------
/// Messages a day (visitors from search, old customers) that reach any page that exists,
/// even a dead one.
pub const MESSAGES_BASE: f64 = 0.5;
/// Messages a day per follower.
pub const MESSAGES_PER_FOLLOWER: f64 = 0.0004;
/// Share of engagements and of paid clicks that ask for an answer (assumption, 0.02–0.1; with
/// `LEADS_PER_CONVERSATION` it sets the organic share of leads, about 21 % at the default).
pub const QUESTION_SHARE: f64 = 0.08;
/// Share of the engagement questions that channel-fitted posting starts, relative to fully
/// fitted posts, when posts are the same message everywhere (assumption, 0.2–0.6).
pub const QUESTIONS_AT_NO_FIT: f64 = 0.4;
/// Slowest typical reply (hours) at responsiveness just above zero: brands that answer few
/// messages answer them in about 10–11 hours (Sprout Social Index 2013, 2016).
pub const SLOWEST_REPLY_HOURS: f64 = 12.0;
/// Reply delay (hours) at which half the people asking are still satisfied.
pub const PATIENCE_HOURS: f64 = 12.0;
/// Typical delay (hours) of an answer that comes from the community rather than the staff.
pub const COMMUNITY_REPLY_HOURS: f64 = 24.0;
/// Experience score of a message left unanswered (0 = worst, 1 = best).
pub const IGNORED_SCORE: f64 = 0.2;
/// How fast trust follows today's experiences (share of the gap closed per day at high volume).
pub const TRUST_SPEED: f64 = 0.08;
/// Messages a day at which trust moves at half its top speed.
pub const TRUST_VOLUME_HALF: f64 = 10.0;
/// How fast good content alone moves trust.
pub const CONTENT_TRUST_SPEED: f64 = 0.01;
/// Share of unanswered questions a mature community answers for the brand.
pub const COMMUNITY_ANSWER: f64 = 0.35;
/// Followers at which the community is half as helpful as it can be.
pub const COMMUNITY_SCALE: f64 = 2000.0;

// --- Moments of truth -----------------------------------------------------------------------
/// Daily probability that a complaint goes public at neutral trust on a large page (about one a
/// year); small pages get a quarter of that, rising with the audience (`CRISIS_AUDIENCE_HALF`).
pub const CRISIS_RATE: f64 = 1.0 / 365.0;
pub const CRISIS_AUDIENCE_HALF: f64 = 2000.0;
/// A company with no page meets a public complaint this much less often (nowhere to post it).
pub const NO_PAGE_CRISIS_EXPOSURE: f64 = 0.5;
/// Angry messages on a crisis's first day: a few, plus a share of the people paying attention.
pub const CRISIS_INITIAL: f64 = 2.0;
pub const CRISIS_PER_ATTENTION: f64 = 0.004;
/// Most angry messages a day: a share of the attention the page had when the crisis began.
pub const CRISIS_CAP_PER_ATTENTION: f64 = 0.05;
pub const CRISIS_CAP_MIN: f64 = 5.0;
/// Most angry messages in all over one crisis: a few dozen plus a share of that attention.
pub const CRISIS_CEILING_MIN: f64 = 20.0;
pub const CRISIS_CEILING_PER_ATTENTION: f64 = 0.25;
/// Branching ratio (new angry messages per angry message) when handled well / ignored.
pub const BRANCHING_HANDLED: f64 = 0.45;
pub const BRANCHING_IGNORED: f64 = 1.6;
/// Daily decay of the branching ratio as the news cycle moves on.
pub const NEWS_FATIGUE: f64 = 0.95;
/// Hours an answer waits for management's sign-off when buy-in is zero.
pub const SIGN_OFF_HOURS: f64 = 36.0;
/// Followers lost per angry message left unanswered.
pub const ANGRY_UNFOLLOW: f64 = 0.3;
/// The scar an unanswered angry message leaves elsewhere (reviews on other sites, search
/// results): the share of would-be buyers it puts off, and the days it takes to fade.
pub const SCAR_PER_IGNORED: f64 = 0.001;
pub const SCAR_DAYS: f64 = 180.0;
/// Word of mouth elsewhere (the company's reputation without a page): days for a swing in
/// what people say to fade halfway back to neutral ÷ ln 2 (a mean-reversion time), and the
/// typical size of the swing (standard deviation, trust 0–1).
pub const REPUTATION_DAYS: f64 = 120.0;
pub const REPUTATION_SD: f64 = 0.05;
/// A dead page (up, nobody posting or answering) seen by would-be buyers: the share it puts
/// off at most, the days it takes to leave its mark, and the days the mark takes to fade.
pub const DEAD_PAGE_MARK: f64 = 0.25;
pub const DEAD_PAGE_DAYS: f64 = 60.0;
pub const DEAD_PAGE_FADE_DAYS: f64 = 365.0;
/// A crisis whose peak exceeds its start by this factor is reported as a firestorm.
pub const FIRESTORM_FACTOR: f64 = 2.0;
/// Experience score of an angry message answered instantly with backing (scaled by speed).
pub const CRISIS_ANSWER_SCORE: f64 = 0.9;

// --- Capability (the gym membership) --------------------------------------------------------
/// Days of sustained effort to build most of the capability (time constant).
pub const CAPABILITY_GROW_DAYS: f64 = 240.0;
/// Days without effort to lose most of it.
pub const CAPABILITY_DECAY_DAYS: f64 = 120.0;
/// Capability on day 0.
pub const CAPABILITY_START: f64 = 0.05;
/// Posts per day that count as a sustained presence.
pub const PRESENCE_POSTS_PER_DAY: f64 = 3.0 / 7.0;

// --- Leadership --------------------------------------------------------------------------------
/// First review (days after the start: "cancelled after six weeks") and the days between later
/// ones. The calendar is the same whatever the levers.
pub const FIRST_REVIEW_DAYS: u32 = 42;
pub const REVIEW_EVERY_DAYS: u32 = 90;
/// Days of grace before management expects results, at full buy-in (none at zero).
pub const REVIEW_GRACE_DAYS: f64 = 140.0;
/// Staff effort delivered at zero buy-in (share of what the levers ask for).
pub const EFFORT_AT_NO_BUY_IN: f64 = 0.4;

// --- Outcomes ------------------------------------------------------------------------------------
/// Leads per organic engagement at intent 1 (about neutral trust with capability 0.85) and
/// every question answered.
pub const LEADS_PER_ENGAGEMENT: f64 = 0.025;
/// Leads per paid click, same conditions (landing-page and message conversion): with intent
/// and answers as they are, 7.5–10 % of clicks become leads (WordStream 2017: 9.21 %) and a paid
/// lead costs about €18 at the default (WordStream: $18.68 in 2017, $21.98 in 2024).
pub const LEADS_PER_CLICK: f64 = 0.11;
/// Leads per answered question (a conversation) at intent 1 (assumption, 0.15–0.5: people who
/// ask about a product or a service and get a useful answer often go ahead; the upper end, so
/// that ads at published click costs do not bring nearly every lead).
pub const LEADS_PER_CONVERSATION: f64 = 0.5;
/// Share of would-be leads who go ahead without an answer to their question.
pub const SELF_SERVE: f64 = 0.25;
/// How much an answer settles without backing (1 with full backing: experts answer).
pub const EXPERT_ANSWER_LOW: f64 = 0.7;
/// Share of messages that are complaints or problems, and the share of their repeats whose
/// causes the business fixes at full buy-in, over a time constant in days.
pub const COMPLAINT_SHARE: f64 = 0.3;
pub const REPEAT_FIX: f64 = 0.5;
pub const REPEAT_FIX_DAYS: f64 = 120.0;
/// Close-rate multiplier at zero and full buy-in (does feedback reach the business?).
pub const FEEDBACK_CLOSE_LOW: f64 = 0.75;
pub const FEEDBACK_CLOSE_HIGH: f64 = 1.25;

// --- What we do not know about a company (log-normal spread around the medians above) ------------
/// Log-normal sigmas of the per-run company draws: a factor of e^±1.28σ spans P10–P90.
pub const SPREAD_REACH: f64 = 0.3;
pub const SPREAD_ENGAGEMENT: f64 = 0.35;
pub const SPREAD_CONVERSION: f64 = 0.35;
pub const SPREAD_PAID: f64 = 0.3;
pub const SPREAD_FOLLOW: f64 = 0.3;
pub const SPREAD_CRISIS: f64 = 0.5;
/// Ad click-through: P10–P90 ≈ 0.58–1.41 % around 0.9 % (industries 0.47–1.61 %).
pub const SPREAD_CLICK_THROUGH: f64 = 0.35;
/// Capability's growth time: P10–P90 ≈ 175–330 days around 240 (range 90–365).
pub const SPREAD_CAPABILITY_TIME: f64 = 0.25;
