//! Class mode: opened, the list of teams and what they are ranked on changed, left.

use super::AppState;
use crate::model::Metric;
use crate::state::class::roster;
use crate::state::jobs::Slot;
use crate::state::link::Class;

/// Open class mode, change the list of teams or what they are ranked on, leave.
pub enum ClassAction {
    Open,
    SetTeams(String),
    SetRank(Metric, u32),
    Exit,
}

impl AppState {
    pub(super) fn apply_class(&mut self, action: ClassAction) {
        match action {
            ClassAction::Open => {
                self.shared.class.get_or_insert_with(Class::default);
            }
            ClassAction::SetTeams(text) => {
                self.shared.class.get_or_insert_with(Class::default).teams = text
            }
            ClassAction::SetRank(metric, day) => {
                let c = self.shared.class.get_or_insert_with(Class::default);
                (c.metric, c.day) = (metric, day);
            }
            ClassAction::Exit => self.shared.class = None,
        }
    }

    /// A class: every team's plan valid on the class's company, on the same futures.
    pub(super) fn schedule_class(&mut self) {
        let (s, r) = (&self.shared, &mut self.results);
        let class = s.class.as_ref().expect("a class");
        for slot in [Slot::Current, Slot::Pinned, Slot::Quit] {
            r.clear(slot);
        }
        let plans = roster(&class.teams, &s.scenario).plans;
        match plans.is_empty() {
            true => r.clear_outcomes(),
            false => drop(r.request_outcomes(
                plans,
                s.seed,
                s.runs,
                (class.metric, class.day_in(&s.scenario)),
            )),
        }
    }
}
