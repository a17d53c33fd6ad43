//! The explorer: the tornado and the map of two levers opened, set, stopped, run again, a
//! map cell's levers loaded, left.

use super::AppState;
use crate::state::explore::lever_map::{self, Axes};
use crate::state::explore::outcome::Outcome;
use crate::state::explore::tornado;
use crate::state::jobs::{OutcomesJob, Slot};
use crate::state::link::{Explore, ExploreView};

/// Open the tornado, choose its outcome and day, switch to the map and choose its levers and
/// futures per cell, stop it or run it again, load a cell's levers (and leave), leave.
pub enum ExploreAction {
    Open,
    SetOutcome(Outcome, u32),
    SetView(ExploreView),
    SetMapAxes(Axes),
    /// One of `lever_map::RUNS_CHOICES` (anything else is ignored).
    SetMapRuns(u32),
    Cancel,
    Run,
    LoadMapCell(usize, usize),
    Exit,
}

impl AppState {
    pub(super) fn apply_explore(&mut self, action: ExploreAction, now: f64) {
        match action {
            ExploreAction::Open => {
                let last = self.explore_before.take();
                self.shared
                    .explore
                    .get_or_insert_with(|| last.unwrap_or_default());
            }
            ExploreAction::SetOutcome(outcome, day) => {
                let e = self.shared.explore.get_or_insert_with(Explore::default);
                (e.outcome, e.day) = (outcome, day);
            }
            ExploreAction::SetView(view) => {
                self.shared
                    .explore
                    .get_or_insert_with(Explore::default)
                    .view = view
            }
            ExploreAction::SetMapAxes(axes) => {
                self.shared
                    .explore
                    .get_or_insert_with(Explore::default)
                    .axes = axes
            }
            ExploreAction::SetMapRuns(n) if lever_map::RUNS_CHOICES.contains(&n) => {
                self.shared
                    .explore
                    .get_or_insert_with(Explore::default)
                    .map_runs = n
            }
            ExploreAction::SetMapRuns(_) => {}
            // The worker's part is the pool's: a cleared request is no longer worked on.
            ExploreAction::Cancel => self.results.stop_outcomes(),
            ExploreAction::Run if self.shared.explore.is_some() => {
                self.results.resume_outcomes();
                self.schedule(now)
            }
            ExploreAction::Run => {}
            ExploreAction::LoadMapCell(ix, iy) => self.load_map_cell(ix, iy),
            ExploreAction::Exit => {
                self.explore_before = self.shared.explore.take();
                self.focus_next = Some("open-explorer".into());
            }
        }
    }

    /// The tornado: the scenario and each field moved down and up, on the same futures. The
    /// map: every cell on the same futures, in passes (a coarse map first, then sharper up to
    /// the futures per cell chosen); the same map still under way or done is left alone, or
    /// goes on to more futures when more are chosen. Fewer than it already asked for start
    /// it again (the same futures, so the same first passes).
    pub(super) fn schedule_explore(&mut self) {
        let (s, r) = (&self.shared, &mut self.results);
        let e = s.explore.as_ref().expect("the explorer");
        for slot in [Slot::Current, Slot::Pinned, Slot::Quit] {
            r.clear(slot);
        }
        if e.view == ExploreView::Tornado {
            let plans = tornado::scenarios(&s.scenario, &tornado::moves(&s.scenario));
            r.request_outcomes(plans, s.seed, s.runs, (e.outcome, e.day_in(&s.scenario)));
            return;
        }
        let plans = lever_map::scenarios(&s.scenario, e.axes);
        let upto = e.map_runs;
        let job = (s.seed, e.outcome, e.day_in(&s.scenario));
        let same_work = |j: &OutcomesJob| (j.seed, j.outcome, j.day) == job && j.scenarios == plans;
        if r.outcomes_stopped
            .as_ref()
            .is_some_and(|(j, _)| same_work(j))
        {
            return; // stopped: nothing more until "Run it again" (other changes start anew)
        }
        let same = (r.outcomes_requested.as_ref())
            .is_some_and(|j| same_work(j) && j.first + j.runs <= upto);
        if same {
            // Done with fewer futures than now chosen: the next pass at once.
            r.refine_outcomes(upto);
        } else {
            let first_pass = lever_map::FIRST_PASS.min(upto);
            r.request_outcomes(
                plans,
                s.seed,
                first_pass,
                (e.outcome, e.day_in(&s.scenario)),
            );
        }
    }

    fn map_open(&self) -> bool {
        self.map_runs().is_some()
    }

    /// The map's futures per cell, when the map is open.
    pub(super) fn map_runs(&self) -> Option<u32> {
        let e = self.shared.explore.as_ref();
        e.filter(|e| e.view == ExploreView::Map).map(|e| e.map_runs)
    }

    /// A map cell's two levers into the scenario, and back to the simulator to see it.
    fn load_map_cell(&mut self, ix: usize, iy: usize) {
        let Some(e) = self.shared.explore.as_ref().filter(|_| self.map_open()) else {
            return;
        };
        if ix < lever_map::SIZE && iy < lever_map::SIZE {
            self.shared.scenario =
                lever_map::cell_scenario(&self.shared.scenario, e.axes, (ix, iy));
            self.focus_next = Some(format!("lever-{}", e.axes.x.field().name));
            self.explore_before = self.shared.explore.take();
        }
    }
}
