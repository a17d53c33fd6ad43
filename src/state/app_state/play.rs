//! Play mode: a game started from the scenario on screen, decided stop by stop, and left.

use super::AppState;
use crate::model::Metric;
use crate::state::jobs::Slot;
use crate::state::play::{alternatives, decide, Decision, Game};
use std::rc::Rc;

/// Start a game with the scenario on screen, decide at a stop, leave.
pub enum PlayAction {
    Start,
    Decide(Decision),
    Exit,
}

impl AppState {
    pub(super) fn apply_play(&mut self, action: PlayAction) {
        match action {
            PlayAction::Start => {
                self.before_game = Some(self.shared.scenario);
                let s = &mut self.shared.scenario;
                s.changes = Default::default();
                s.assumptions.stop_day = 0;
                self.shared.play = Some(0);
                self.shared.class = None;
                self.shared.explore = None;
            }
            PlayAction::Decide(decision) => self.decide(decision),
            PlayAction::Exit => {
                self.shared.play = None;
                if let Some(s) = self.before_game.take() {
                    self.shared.scenario = s;
                }
            }
        }
    }

    /// The game at the day reached, recomputed when the plan, the seed or the day changed.
    pub(super) fn refresh_game(&mut self) {
        let Some(day) = self.shared.play else {
            self.game = None;
            return;
        };
        let (scenario, seed) = (self.shared.scenario, self.shared.seed);
        let same = |g: &Rc<Game>| g.scenario == scenario && g.seed == seed && g.day() == day;
        if !self.game.as_ref().is_some_and(same) {
            let game = Game::at(&scenario, seed, day);
            self.shared.play = Some(game.day());
            self.game = Some(Rc::new(game));
        }
    }

    /// The player's decision at the stop reached; the game goes on to the next stop.
    pub(super) fn decide(&mut self, decision: Decision) {
        let Some(game) = self.game.clone().filter(|g| g.ending.is_none()) else {
            return;
        };
        let Some(next) = decide(&self.shared.scenario, game.day(), decision) else {
            return;
        };
        self.shared.scenario = next;
        if decision != Decision::Stop {
            let then = Game::at(&next, self.shared.seed, game.day());
            self.shared.play = then.next_stop().or(Some(game.day()));
        }
    }

    /// A game: the futures still possible from the day reached; at the end, every future of
    /// the plan played and, on the same futures, the alternatives of the debrief.
    pub(super) fn schedule_game(&mut self) {
        let (s, r) = (&self.shared, &mut self.results);
        let game = self.game.as_ref().expect("a game");
        r.clear(Slot::Pinned);
        r.clear(Slot::Quit);
        match game.ending {
            None => {
                let from = Some(game.day());
                r.request_from(Slot::Current, s.scenario, s.seed, s.runs, 0, from);
                r.clear_outcomes();
            }
            Some(_) => {
                r.request(Slot::Current, s.scenario, s.seed, s.runs, 0);
                let mut plans = vec![s.scenario];
                plans.extend(alternatives(&s.scenario).map(|(_, alt)| alt));
                let horizon = s.scenario.assumptions.horizon_days;
                r.request_outcomes(plans, s.seed, s.runs, (Metric::Leads, horizon));
            }
        }
    }
}
