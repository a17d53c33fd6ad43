//! What the user controls (the four levers) and the assumptions behind them, with
//! documented defaults and valid ranges. See docs/MODEL.md for what each one means.

use serde::{Deserialize, Serialize};
use std::fmt;

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
}

/// A full scenario: levers plus assumptions. Serialised as the scenario file format.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Scenario {
    pub levers: Levers,
    pub assumptions: Assumptions,
}

impl Default for Levers {
    fn default() -> Self {
        Levers {
            budget: 3000.0,
            posts_per_week: 5.0,
            responsiveness: 70.0,
            buy_in: 70.0,
        }
    }
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            market_size: 50_000.0,
            starting_followers: 200.0,
            customer_value: 500.0,
            close_rate: 20.0,
            channel_fit: 70.0,
            horizon_days: 730,
            goal_leads: 100.0,
            goal_day: 365,
            crisis_day: 0,
            stop_day: 0,
        }
    }
}

/// Longest horizon the engine simulates (three years).
pub const MAX_DAYS: u32 = 1095;

/// One field's valid range, for validation messages and for the UI's sliders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub field: &'static str,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

pub const BUDGET: Range = Range {
    field: "levers.budget",
    min: 0.0,
    max: 100_000.0,
    unit: "per month",
};
pub const POSTS: Range = Range {
    field: "levers.posts_per_week",
    min: 0.0,
    max: 70.0,
    unit: "posts/week",
};
pub const RESPONSIVENESS: Range = Range {
    field: "levers.responsiveness",
    min: 0.0,
    max: 100.0,
    unit: "",
};
pub const BUY_IN: Range = Range {
    field: "levers.buy_in",
    min: 0.0,
    max: 100.0,
    unit: "",
};
pub const MARKET: Range = Range {
    field: "assumptions.market_size",
    min: 1_000.0,
    max: 10_000_000.0,
    unit: "people",
};
pub const START_FOLLOWERS: Range = Range {
    field: "assumptions.starting_followers",
    min: 0.0,
    max: 1_000_000.0,
    unit: "followers",
};
pub const CUSTOMER_VALUE: Range = Range {
    field: "assumptions.customer_value",
    min: 0.0,
    max: 1_000_000.0,
    unit: "per customer",
};
pub const CLOSE_RATE: Range = Range {
    field: "assumptions.close_rate",
    min: 0.0,
    max: 100.0,
    unit: "%",
};
pub const CHANNEL_FIT: Range = Range {
    field: "assumptions.channel_fit",
    min: 0.0,
    max: 100.0,
    unit: "%",
};
pub const HORIZON: Range = Range {
    field: "assumptions.horizon_days",
    min: 30.0,
    max: MAX_DAYS as f64,
    unit: "days",
};
pub const GOAL_LEADS: Range = Range {
    field: "assumptions.goal_leads",
    min: 1.0,
    max: 1_000_000.0,
    unit: "leads",
};
pub const GOAL_DAY: Range = Range {
    field: "assumptions.goal_day",
    min: 1.0,
    max: MAX_DAYS as f64,
    unit: "day",
};
pub const CRISIS_DAY: Range = Range {
    field: "assumptions.crisis_day",
    min: 0.0,
    max: MAX_DAYS as f64,
    unit: "day",
};
pub const STOP_DAY: Range = Range {
    field: "assumptions.stop_day",
    min: 0.0,
    max: MAX_DAYS as f64,
    unit: "day",
};

/// A value outside its valid range (or not a number).
#[derive(Clone, Debug, PartialEq)]
pub struct InvalidParam {
    pub range: Range,
    pub value: f64,
}

impl fmt::Display for InvalidParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.range;
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
            Err(InvalidParam { range: self, value })
        }
    }
}

impl Scenario {
    /// Every field with its range and current value, in a stable order.
    pub fn fields(&self) -> [(Range, f64); 14] {
        let (l, a) = (&self.levers, &self.assumptions);
        [
            (BUDGET, l.budget),
            (POSTS, l.posts_per_week),
            (RESPONSIVENESS, l.responsiveness),
            (BUY_IN, l.buy_in),
            (MARKET, a.market_size),
            (START_FOLLOWERS, a.starting_followers),
            (CUSTOMER_VALUE, a.customer_value),
            (CLOSE_RATE, a.close_rate),
            (CHANNEL_FIT, a.channel_fit),
            (HORIZON, a.horizon_days as f64),
            (GOAL_LEADS, a.goal_leads),
            (GOAL_DAY, a.goal_day as f64),
            (CRISIS_DAY, a.crisis_day as f64),
            (STOP_DAY, a.stop_day as f64),
        ]
    }

    /// Checks every field; the first bad one is named with its valid range.
    pub fn validate(&self) -> Result<(), InvalidParam> {
        for (range, value) in self.fields() {
            range.check(value)?;
        }
        let a = &self.assumptions;
        if a.starting_followers > a.market_size {
            return Err(InvalidParam {
                range: Range {
                    max: a.market_size,
                    ..START_FOLLOWERS
                },
                value: a.starting_followers,
            });
        }
        Ok(())
    }

    /// Sets one lever or assumption by its short name (`budget`, `buy_in`, `market_size`, ...).
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        let (l, a) = (&mut self.levers, &mut self.assumptions);
        let days = |v: f64| {
            if v.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&v) {
                Ok(v as u32)
            } else {
                Err(format!("{name} is {v}, but must be a whole number of days"))
            }
        };
        match name {
            "budget" => l.budget = value,
            "posts_per_week" | "posts" => l.posts_per_week = value,
            "responsiveness" => l.responsiveness = value,
            "buy_in" => l.buy_in = value,
            "market_size" => a.market_size = value,
            "starting_followers" => a.starting_followers = value,
            "customer_value" => a.customer_value = value,
            "close_rate" => a.close_rate = value,
            "channel_fit" => a.channel_fit = value,
            "horizon_days" | "days" => a.horizon_days = days(value)?,
            "goal_leads" => a.goal_leads = value,
            "goal_day" => a.goal_day = days(value)?,
            "crisis_day" => a.crisis_day = days(value)?,
            "stop_day" => a.stop_day = days(value)?,
            _ => {
                return Err(format!(
                    "unknown lever or assumption '{name}'; known: {}",
                    FIELD_NAMES.join(", ")
                ))
            }
        }
        Ok(())
    }
}

/// Short names accepted by [`Scenario::set`].
pub const FIELD_NAMES: [&str; 14] = [
    "budget",
    "posts_per_week",
    "responsiveness",
    "buy_in",
    "market_size",
    "starting_followers",
    "customer_value",
    "close_rate",
    "channel_fit",
    "horizon_days",
    "goal_leads",
    "goal_day",
    "crisis_day",
    "stop_day",
];
