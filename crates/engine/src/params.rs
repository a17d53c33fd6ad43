//! What the user controls (the four levers) and the assumptions behind them, with
//! documented defaults and valid ranges. See docs/MODEL.md for what each one means.

use super::plan::Plan;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Switches for the model's mechanisms, all on in every scenario the app and the command line
/// run. Tests switch one off at a time to measure how much of a lesson it carries (the
/// decomposition table in docs/MODEL.md); nothing outside the tests sets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mechanisms {
    /// Mechanism 7: management's reviews can cancel the programme.
    pub reviews: bool,
    /// Buy-in buys staff time and headcount: the hours and posts delivered, the goodwill of
    /// colleagues who answer and write, and the know-how that effort builds.
    pub staff_time: bool,
    /// Buy-in gets the page's feedback acted on by other departments: the close rate rises and
    /// the causes of repeat complaints get fixed (fewer complaints, fewer public ones).
    pub feedback: bool,
    /// Buy-in lets domain experts answer, quickly and without waiting for sign-off: answers
    /// satisfy more (trust) and a crisis is met with backing.
    pub experts: bool,
    /// Mechanism 5: a mishandled crisis leaves a scar elsewhere (reviews on other sites,
    /// search results) that costs would-be buyers' intent for months.
    pub crisis_scar: bool,
    /// Dyka's failed entry: a page left dead (nobody posting, nobody answering) is seen by
    /// would-be buyers and leaves a mark on the company's reputation that fades slowly.
    pub failed_entry: bool,
    /// Organic exchange: answered questions are conversations, and conversations become leads
    /// (posting that fits its channel starts more of them).
    pub conversations: bool,
    /// Promotion buys low-intent followers: people who followed an ad engage and ask less than
    /// those who found the page, so followers can be bought without the outcomes.
    pub low_intent_followers: bool,
    /// Mechanism 6: capability (know-how) builds with sustained effort and decays without;
    /// switched off, it stays where it started (to measure how much of patience it carries).
    pub capability_growth: bool,
}

impl Mechanisms {
    /// Every mechanism on: the model.
    pub const ALL: Mechanisms = Mechanisms {
        reviews: true,
        staff_time: true,
        feedback: true,
        experts: true,
        crisis_scar: true,
        failed_entry: true,
        conversations: true,
        low_intent_followers: true,
        capability_growth: true,
    };

    /// Buy-in (0–1) as one of its channels sees it: the lever's value when the channel is on,
    /// a neutral half otherwise (so switching a channel off removes what buy-in does there).
    pub fn buy_in_through(on: bool, buy_in: f64) -> f64 {
        if on {
            buy_in
        } else {
            0.5
        }
    }
}

impl Default for Mechanisms {
    fn default() -> Self {
        Mechanisms::ALL
    }
}

/// Factors on constants that are the same in every run (not drawn per run like a
/// [`crate::company::Company`]'s): 1 in every scenario the app and the command line run, where
/// `x·1` is `x` bit for bit. Tests set one at a time to either end of its documented range to
/// show how much it moves the headline outcomes (docs/MODEL.md §6.1); nothing outside the tests
/// sets them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed {
    /// `REVIEW_GRACE_DAYS`: management's grace before results are expected.
    pub review_grace: f64,
    /// `TRUST_SPEED`: how fast answers and silence move trust.
    pub trust_speed: f64,
    /// `QUESTION_SHARE`: engagements and clicks that ask a question.
    pub question_share: f64,
    /// `LEADS_PER_CONVERSATION`: conversations' yield of leads.
    pub leads_per_conversation: f64,
    /// `SELF_SERVE`: would-be leads who go ahead without an answer.
    pub self_serve: f64,
    /// `CAPABILITY_DECAY_DAYS`: how long know-how lasts without effort.
    pub capability_decay: f64,
    /// `FATIGUE_ENGAGEMENT_SLOPE`: how fast engagement falls past the fatigue point.
    pub fatigue_slope: f64,
    /// `BRANCHING_IGNORED`: a crisis's branching ratio when nobody answers.
    pub branching_ignored: f64,
}

impl Fixed {
    /// Every constant at its documented value: the model.
    pub const MODEL: Fixed = Fixed {
        review_grace: 1.0,
        trust_speed: 1.0,
        question_share: 1.0,
        leads_per_conversation: 1.0,
        self_serve: 1.0,
        capability_decay: 1.0,
        fatigue_slope: 1.0,
        branching_ignored: 1.0,
    };
}

impl Default for Fixed {
    fn default() -> Self {
        Fixed::MODEL
    }
}

/// The four levers, in the units people think in.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Levers {
    /// Money per month for content, staff hours, tools and paid promotion (currency units).
    pub budget: f64,
    /// Posts per week.
    pub posts_per_week: f64,
    /// 0 = nobody answers; 100 = every comment answered, typically within the hour.
    pub responsiveness: f64,
    /// 0 = an experiment management expects to fail; 100 = the CEO visibly champions it.
    pub buy_in: f64,
}

/// The assumptions behind a scenario; each has an honest default and a valid range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Assumptions {
    /// People who could plausibly follow and buy (the reachable market).
    pub market_size: f64,
    /// Followers on day 0.
    pub starting_followers: f64,
    /// Gross margin a new customer brings (currency units).
    pub customer_value: f64,
    /// Share of leads that become customers (%).
    pub close_rate: f64,
    /// Share of posts written for their channel rather than the same message everywhere (%).
    pub channel_fit: f64,
    /// Days simulated.
    pub horizon_days: u32,
    /// Success goal: this many leads...
    pub goal_leads: f64,
    /// ...by this day.
    pub goal_day: u32,
    /// A moment of truth forced on this day (0 = only random ones).
    pub crisis_day: u32,
    /// The programme is stopped on this day (0 = never; "what if we quit at day X").
    pub stop_day: u32,
    /// Share of the budget spent on content: staff time to write, film and design posts (%).
    pub content_share: f64,
    /// Share spent on community management: staff time to answer people (%). The rest of
    /// the budget buys paid promotion.
    pub community_share: f64,
}

/// A full scenario: levers plus assumptions. Serialised as the scenario file format.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Scenario {
    pub levers: Levers,
    pub assumptions: Assumptions,
    /// Lever changes on given days (none: the levers hold for the whole horizon).
    pub changes: Plan,
}

impl Levers {
    /// A page exists: some budget or some posting. Without one there is no programme to
    /// review, cancel or measure a return on (the `never-started` baseline).
    pub fn page_exists(&self) -> bool {
        self.budget > 0.0 || self.posts_per_week > 0.0
    }
}

impl Default for Levers {
    fn default() -> Self {
        Levers {
            budget: 3000.0,
            posts_per_week: 5.0,
            responsiveness: 80.0,
            buy_in: 70.0,
        }
    }
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            market_size: 50_000.0,
            starting_followers: 200.0,
            customer_value: 600.0,
            close_rate: 5.0,
            channel_fit: 70.0,
            horizon_days: 730,
            goal_leads: 500.0,
            goal_day: 365,
            crisis_day: 0,
            stop_day: 0,
            content_share: 35.0,
            community_share: 25.0,
        }
    }
}

impl Assumptions {
    /// Shares (0–1) of the budget for content, community management and promotion. Should the
    /// first two add up to more than 100 %, both shrink in proportion and nothing is promoted.
    pub fn budget_split(&self) -> (f64, f64, f64) {
        let (c, m) = (self.content_share / 100.0, self.community_share / 100.0);
        let scale = 1.0 / (c + m).max(1.0);
        (c * scale, m * scale, (1.0 - (c + m) * scale).max(0.0))
    }
}

/// Longest horizon the engine simulates (three years).
pub const MAX_DAYS: u32 = 1095;

/// How a field's slider moves: evenly, or by orders of magnitude (for ranges such as 1k–10M).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    Log,
}

/// One scenario field, described once: its names (short, file path, URL key), its valid range
/// and slider, its units and the translation key of its label. Params, validation, the URL
/// codec, scenario and story files and the lever UI all read this table.
#[derive(Debug)]
pub struct Field {
    /// Short name: the CLI's `--set`, a story's `set`, element ids.
    pub name: &'static str,
    /// Where it sits in a scenario file (`levers.budget`).
    pub path: &'static str,
    /// The key in a share link (`b`).
    pub key: &'static str,
    pub min: f64,
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Where the slider ends; typed values may go on up to `max`.
    pub slider_max: f64,
    pub scale: Scale,
    /// The unit in English (command-line messages).
    pub unit: &'static str,
    /// The unit's translation key ("" for none, `%` is written as is).
    pub unit_key: &'static str,
    /// The label's translation key (`lever.budget`, `assume.market_size`).
    pub label_key: &'static str,
    /// One of the four levers (the rest are assumptions).
    pub lever: bool,
    /// Stored as a whole number of days.
    pub whole_days: bool,
    get: fn(&Scenario) -> f64,
    put: fn(&mut Scenario, f64),
}

/// Names are unique in the registry, so a field is known by its name.
impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Field {
    /// The field's value in `s`.
    pub fn get(&self, s: &Scenario) -> f64 {
        (self.get)(s)
    }

    /// Sets the field without range checks; a day count must be a whole number.
    pub fn set(&self, s: &mut Scenario, value: f64) -> Result<(), String> {
        if self.whole_days && !(value.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&value)) {
            return Err(format!(
                "{} is {value}, but must be a whole number of days",
                self.name
            ));
        }
        (self.put)(s, value);
        Ok(())
    }

    pub fn range(&self) -> Range {
        Range {
            field: self.path,
            min: self.min,
            max: self.max,
            unit: self.unit,
        }
    }

    /// The value as it would be stored: a day count is cut to a whole number.
    pub fn stored(&self, value: f64) -> f64 {
        if self.whole_days {
            value.trunc()
        } else {
            value
        }
    }
}

/// Builds a registry entry; `$get` is the place the value lives in a `Scenario`.
macro_rules! field {
    ($name:literal, $group:ident . $member:ident as $ty:ty, key $key:literal,
     $min:expr, $max:expr, step $step:expr, slider $slider:expr, $scale:ident,
     unit $unit:literal / $unit_key:literal, label $label:literal, lever $lever:literal) => {
        Field {
            name: $name,
            path: concat!(stringify!($group), ".", stringify!($member)),
            key: $key,
            min: $min,
            max: $max,
            step: $step,
            slider_max: $slider,
            scale: Scale::$scale,
            unit: $unit,
            unit_key: $unit_key,
            label_key: $label,
            lever: $lever,
            whole_days: stringify!($ty).as_bytes()[0] == b'u',
            get: |s| s.$group.$member as f64,
            put: |s, v| s.$group.$member = v as $ty,
        }
    };
}

const DAYS: f64 = MAX_DAYS as f64;

/// Every scenario field, levers first, in a stable order.
pub static FIELDS: [Field; 16] = [
    field!("budget", levers.budget as f64, key "b", 0.0, 100_000.0, step 100.0, slider 30_000.0, Linear,
        unit "per month" / "unit.per_month", label "lever.budget", lever true),
    field!("posts_per_week", levers.posts_per_week as f64, key "p", 0.0, 70.0, step 1.0, slider 70.0, Linear,
        unit "posts/week" / "unit.posts_week", label "lever.posts_per_week", lever true),
    field!("responsiveness", levers.responsiveness as f64, key "r", 0.0, 100.0, step 1.0, slider 100.0, Linear,
        unit "" / "", label "lever.responsiveness", lever true),
    field!("buy_in", levers.buy_in as f64, key "i", 0.0, 100.0, step 1.0, slider 100.0, Linear,
        unit "" / "", label "lever.buy_in", lever true),
    field!("market_size", assumptions.market_size as f64, key "m", 1_000.0, 10_000_000.0, step 1000.0, slider 10_000_000.0, Log,
        unit "people" / "unit.people", label "assume.market_size", lever false),
    field!("starting_followers", assumptions.starting_followers as f64, key "f", 0.0, 1_000_000.0, step 10.0, slider 1_000_000.0, Log,
        unit "followers" / "unit.followers", label "assume.starting_followers", lever false),
    field!("customer_value", assumptions.customer_value as f64, key "cv", 0.0, 1_000_000.0, step 10.0, slider 1_000_000.0, Log,
        unit "per customer" / "unit.per_customer", label "assume.customer_value", lever false),
    field!("close_rate", assumptions.close_rate as f64, key "cr", 0.0, 100.0, step 1.0, slider 100.0, Linear,
        unit "%" / "%", label "assume.close_rate", lever false),
    field!("channel_fit", assumptions.channel_fit as f64, key "fit", 0.0, 100.0, step 1.0, slider 100.0, Linear,
        unit "%" / "%", label "assume.channel_fit", lever false),
    field!("horizon_days", assumptions.horizon_days as u32, key "d", 30.0, DAYS, step 1.0, slider DAYS, Linear,
        unit "days" / "unit.days", label "assume.horizon_days", lever false),
    field!("goal_leads", assumptions.goal_leads as f64, key "gl", 1.0, 1_000_000.0, step 1.0, slider 1_000_000.0, Log,
        unit "leads" / "unit.leads", label "assume.goal_leads", lever false),
    field!("goal_day", assumptions.goal_day as u32, key "gd", 1.0, DAYS, step 1.0, slider DAYS, Linear,
        unit "day" / "unit.day", label "assume.goal_day", lever false),
    field!("crisis_day", assumptions.crisis_day as u32, key "cd", 0.0, DAYS, step 1.0, slider DAYS, Linear,
        unit "day" / "unit.day", label "assume.crisis_day", lever false),
    field!("stop_day", assumptions.stop_day as u32, key "q", 0.0, DAYS, step 1.0, slider DAYS, Linear,
        unit "day" / "unit.day", label "assume.stop_day", lever false),
    field!("content_share", assumptions.content_share as f64, key "cs", 0.0, 100.0, step 5.0, slider 100.0, Linear,
        unit "%" / "%", label "assume.content_share", lever false),
    field!("community_share", assumptions.community_share as f64, key "cm", 0.0, 100.0, step 5.0, slider 100.0, Linear,
        unit "%" / "%", label "assume.community_share", lever false),
];

/// Other short names people type for a field.
const ALIASES: [(&str, &str); 2] = [("posts", "posts_per_week"), ("days", "horizon_days")];

/// The field with this short name (or alias).
pub fn field(name: &str) -> Option<&'static Field> {
    let name = ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map_or(name, |(_, n)| n);
    FIELDS.iter().find(|f| f.name == name)
}

/// The field with this share-link key.
pub fn field_by_key(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The field at this file path (`levers.budget`), or at the end of a longer one
/// (`steps[0].scenario.levers.budget`).
pub fn field_at(path: &str) -> Option<&'static Field> {
    FIELDS
        .iter()
        .find(|f| path == f.path || path.ends_with(&format!(".{}", f.path)))
}

/// Every field's short name, for messages that list them.
pub fn field_names() -> Vec<&'static str> {
    FIELDS.iter().map(|f| f.name).collect()
}

/// One field's valid range, for validation messages and for the UI's sliders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub field: &'static str,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

/// A value outside its valid range (or not a number).
#[derive(Clone, Debug, PartialEq)]
pub struct InvalidParam {
    pub range: Range,
    pub value: f64,
    /// The plan's change (index) the value belongs to, if it is in one.
    pub change: Option<usize>,
}

impl fmt::Display for InvalidParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.range;
        if let Some(i) = self.change {
            write!(f, "changes[{i}].")?;
        }
        write!(
            f,
            "{} is {}, but must be between {} and {}",
            r.field, self.value, r.min, r.max
        )?;
        if !r.unit.is_empty() {
            write!(f, " ({})", r.unit)?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidParam {}

impl Range {
    fn check(self, value: f64) -> Result<(), InvalidParam> {
        if value.is_finite() && value >= self.min && value <= self.max {
            Ok(())
        } else {
            Err(InvalidParam {
                range: self,
                value,
                change: None,
            })
        }
    }
}

impl Scenario {
    /// Every field with its current value, in the registry's order.
    pub fn fields(&self) -> impl Iterator<Item = (&'static Field, f64)> + '_ {
        FIELDS.iter().map(move |f| (f, f.get(self)))
    }

    /// Checks every field; the first bad one is named with its valid range.
    pub fn validate(&self) -> Result<(), InvalidParam> {
        for (field, value) in self.fields() {
            field.range().check(value)?;
        }
        let a = &self.assumptions;
        if a.starting_followers > a.market_size {
            let followers = field("starting_followers").expect("registered");
            return Err(InvalidParam {
                range: Range {
                    max: a.market_size,
                    ..followers.range()
                },
                value: a.starting_followers,
                change: None,
            });
        }
        self.validate_plan()
    }

    /// Each change: a day after the previous change's and within the horizon, and lever
    /// values within their ranges. The error names the change and the rule.
    fn validate_plan(&self) -> Result<(), InvalidParam> {
        let mut earliest = 1;
        for (i, c) in self.changes.changes().iter().enumerate() {
            let at = |e: InvalidParam| InvalidParam {
                change: Some(i),
                ..e
            };
            let day = Range {
                field: "day",
                min: earliest as f64,
                max: self.assumptions.horizon_days as f64,
                unit: "day, after the previous change and within the horizon",
            };
            day.check(c.day as f64).map_err(at)?;
            let levers = c.set.values().count();
            let some_lever = Range {
                field: "set",
                min: 1.0,
                max: 4.0,
                unit: "levers",
            };
            some_lever.check(levers as f64).map_err(at)?;
            for (name, value) in c.set.values() {
                let f = field(name).expect("plans set registered levers");
                Range {
                    field: name,
                    ..f.range()
                }
                .check(value)
                .map_err(at)?;
            }
            earliest = c.day + 1;
        }
        Ok(())
    }

    /// Sets one lever or assumption by its short name (`budget`, `buy_in`, `market_size`, ...).
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        match field(name) {
            Some(f) => f.set(self, value),
            None => Err(format!(
                "unknown lever or assumption '{name}'; known: {}",
                field_names().join(", ")
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_was_set_and_has_unique_names() {
        let mut s = Scenario::default();
        for (i, f) in FIELDS.iter().enumerate() {
            let v = f.stored(f.min + (f.max - f.min) / 3.0);
            f.set(&mut s, v).unwrap();
            assert_eq!(f.get(&s), v, "{}", f.name);
            for g in &FIELDS[i + 1..] {
                assert!(f.name != g.name && f.key != g.key && f.path != g.path);
            }
            assert!(f.min <= f.max && f.slider_max <= f.max && f.step > 0.0);
        }
    }

    #[test]
    fn days_must_be_whole_and_unknown_names_are_listed() {
        let mut s = Scenario::default();
        assert!(s.set("goal_day", 90.5).is_err());
        assert!(s.set("days", 400.0).is_ok());
        assert_eq!(s.assumptions.horizon_days, 400);
        assert!(s.set("colour", 1.0).unwrap_err().contains("stop_day"));
    }
}
