//! What is read from each simulated future: a metric on a day, or whether the goal was
//! reached by then (1 or 0), and what a set of futures shows (median, or share in %).

use crate::model::{Metric, RunTrace};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Metric(Metric),
    /// The goal (`goal_leads`) reached by the day read.
    Goal,
}

impl From<Metric> for Outcome {
    fn from(m: Metric) -> Self {
        Outcome::Metric(m)
    }
}

impl Outcome {
    /// The outcomes the explorer offers (higher is better for each).
    pub const EXPLORED: [Outcome; 5] = [
        Outcome::Metric(Metric::Leads),
        Outcome::Metric(Metric::Customers),
        Outcome::Metric(Metric::Roi),
        Outcome::Metric(Metric::Trust),
        Outcome::Goal,
    ];

    /// The name in links and exports.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Metric(m) => m.name(),
            Outcome::Goal => "goal",
        }
    }

    /// One of [`Outcome::EXPLORED`] by its name.
    pub fn explored(name: &str) -> Option<Outcome> {
        Outcome::EXPLORED.into_iter().find(|o| o.name() == name)
    }

    /// The value of one future whose trace holds at least days `0..=day`.
    pub fn value(self, trace: &RunTrace, day: usize) -> f64 {
        match self {
            Outcome::Metric(m) => trace.value(day, m),
            Outcome::Goal => f64::from(u8::from(trace.goal_day.is_some_and(|g| g as usize <= day))),
        }
    }

    /// What a set of futures shows: the median, or for the goal the share of futures that
    /// reached it, in percent (so a change is in percentage points).
    pub fn centre(self, values: &[f64]) -> f64 {
        match self {
            Outcome::Metric(_) => crate::state::stats::median(values),
            Outcome::Goal if values.is_empty() => f64::NAN,
            Outcome::Goal => 100.0 * values.iter().sum::<f64>() / values.len() as f64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{preset, simulate_until, Derived};

    #[test]
    fn the_goal_is_one_in_the_futures_that_reached_it_by_the_day() {
        let mut s = preset("committed").unwrap().scenario;
        s.assumptions.goal_leads = 1_200.0; // about its median on day 365: some futures reach it
        let d = Derived::new(&s);
        let goal = s.assumptions.goal_leads;
        let mut trace = crate::model::RunTrace::default();
        let mut reached = 0.0;
        for run in 0..40 {
            simulate_until(
                &d,
                s.assumptions.starting_followers,
                (3, run),
                365,
                &mut trace,
            );
            let v = Outcome::Goal.value(&trace, 365);
            let leads = Outcome::Metric(Metric::Leads).value(&trace, 365);
            assert_eq!(
                v,
                f64::from(u8::from(leads >= goal)),
                "run {run}: {leads} leads"
            );
            reached += v;
        }
        assert_eq!(Outcome::Goal.centre(&[1.0, 0.0, 1.0, 1.0]), 75.0);
        assert_eq!(Outcome::from(Metric::Leads).centre(&[1.0, 9.0, 3.0]), 3.0);
        assert!(reached > 0.0 && reached < 40.0, "{reached} of 40");
        assert_eq!(Outcome::explored("goal"), Some(Outcome::Goal));
        assert_eq!(Outcome::explored("reach"), None, "not offered");
    }
}
