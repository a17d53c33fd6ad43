//! The kept futures continued from the history's last day under a plan. Every plan continues
//! the same futures with the same luck (common random numbers): "keep going", "commit" and
//! "quit" differ only by what they change.

use super::infer::Fit;
use super::prior::{history_levers, LeverKey};
use crate::engine::Derived;
use crate::monte_carlo::{Continuation, KeptFuture};
use crate::plan::LeverSet;
use crate::{InvalidParam, Levers, MonteCarlo, Scenario};
use std::collections::HashMap;

impl Fit {
    /// The kept futures under `scenario` from the day after the history: the levers `stated`
    /// sets (the others as each future had them in the history's last period), then the
    /// scenario's own changes after the history. The scenario gives the horizon (days from
    /// day 0, after the history), the goal and the customer value; the other assumptions stay
    /// the fit's, so every kept future replays the history it was weighed on.
    pub fn continuation(&self, scenario: &Scenario, stated: LeverSet) -> Continuation {
        let scenario = &self.assumed(scenario);
        let mut derived = Vec::new();
        let mut index: HashMap<LeverKey, u32> = HashMap::new();
        let futures = self
            .kept
            .iter()
            .map(|f| {
                let key = f.unknowns.key;
                let d = *index.entry(key).or_insert_with(|| {
                    derived.push(self.derived(scenario, stated, key));
                    derived.len() as u32 - 1
                });
                KeptFuture {
                    run: f.stream,
                    company: f.company,
                    start: f.unknowns.start,
                    derived: d,
                }
            })
            .collect();
        Continuation {
            day: self.history_day,
            seed: self.seed,
            derived: derived.into(),
            futures,
        }
    }

    /// The forecast as a Monte Carlo of the kept futures (a summary like `run`'s, days from
    /// day 0, the history included).
    pub fn forecast(
        &self,
        scenario: &Scenario,
        stated: LeverSet,
        sample_paths: u32,
    ) -> Result<MonteCarlo, InvalidParam> {
        let shown = Scenario {
            levers: stated.apply(scenario.levers),
            ..self.assumed(scenario)
        };
        MonteCarlo::continued(shown, self.continuation(scenario, stated), sample_paths)
    }

    /// `scenario` with the fit's assumptions but its horizon, goal and customer value.
    fn assumed(&self, scenario: &Scenario) -> Scenario {
        let (mut a, b) = (self.scenario.assumptions, scenario.assumptions);
        a.horizon_days = b.horizon_days;
        a.goal_leads = b.goal_leads;
        a.goal_day = b.goal_day;
        a.customer_value = b.customer_value;
        Scenario {
            assumptions: a,
            ..*scenario
        }
    }

    fn derived(&self, scenario: &Scenario, stated: LeverSet, key: LeverKey) -> Derived {
        if self.plan_known {
            // The scenario's own plan made the history and goes on as it is (`stated` would
            // rewrite the history's levers, so a known plan takes none).
            return Derived::new(scenario);
        }
        let mut changes = history_levers(&self.history, key);
        let last: Levers = changes.last().expect("day 0's levers").1;
        let mut levers = stated.apply(last);
        // Only a change is a change: an equal "change" would restart a cancelled programme.
        if levers != last {
            changes.push((self.history_day + 1, levers));
        }
        for c in scenario.changes.changes() {
            if c.day > self.history_day + 1 {
                levers = c.set.apply(levers);
                changes.push((c.day, levers));
            }
        }
        let root = Scenario {
            levers: changes[0].1,
            ..*scenario
        };
        Derived::with_changes(&root, &changes[1..])
    }
}
