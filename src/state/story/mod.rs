//! Trainer mode's steps as plain data: what "next" and "back" do on the step shown, given
//! whether the room has guessed, the reveal has happened and the story has ended. The page
//! (`app::story`) keeps these in its own state and follows what these rules say.

/// Where the room is on the step shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepState {
    /// The step shown, of `steps`.
    pub index: usize,
    pub steps: usize,
    /// The step asks the room to predict, or to set the levers, before the reveal.
    pub predicts: bool,
    pub asks_room: bool,
    pub guessed: bool,
    pub revealed: bool,
    /// Past the last step: the end screen.
    pub ended: bool,
}

/// What "next" (Space, →) does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Nothing (the end screen is shown).
    Stay,
    /// Ask the room for its guess first.
    Nudge,
    Reveal,
    Step(usize),
    /// Past the last step: show the end screen.
    End,
}

/// What "back" (←) does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    /// Leave the end screen for the last step.
    Unend,
    Step(usize),
}

impl StepState {
    /// Waiting for the room's prediction before the reveal.
    pub fn predicting(&self) -> bool {
        self.predicts && !self.revealed
    }

    /// The room sets the levers; the fan stays hidden until the reveal.
    pub fn asking(&self) -> bool {
        self.asks_room && !self.revealed
    }

    pub fn next(&self) -> Next {
        if self.ended {
            Next::Stay
        } else if self.predicting() && !self.guessed {
            Next::Nudge
        } else if self.predicting() || self.asking() {
            Next::Reveal
        } else if self.index + 1 < self.steps {
            Next::Step(self.index + 1)
        } else {
            Next::End
        }
    }

    pub fn back(&self) -> Back {
        if self.ended {
            Back::Unend
        } else {
            Back::Step(self.index.saturating_sub(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(index: usize) -> StepState {
        StepState {
            index,
            steps: 3,
            ..StepState::default()
        }
    }

    #[test]
    fn next_goes_step_by_step_to_the_end_screen_and_back_returns() {
        assert_eq!(at(0).next(), Next::Step(1));
        assert_eq!(at(2).next(), Next::End);
        let ended = StepState {
            ended: true,
            ..at(2)
        };
        assert_eq!(ended.next(), Next::Stay);
        assert_eq!(ended.back(), Back::Unend);
        assert_eq!(at(2).back(), Back::Step(1));
        assert_eq!(at(0).back(), Back::Step(0), "the first step stays");
    }

    #[test]
    fn a_prediction_is_asked_for_then_revealed_before_the_story_goes_on() {
        let predicts = StepState {
            predicts: true,
            ..at(0)
        };
        assert_eq!(predicts.next(), Next::Nudge, "no guess yet: ask for one");
        let guessed = StepState {
            guessed: true,
            ..predicts
        };
        assert_eq!(guessed.next(), Next::Reveal);
        let revealed = StepState {
            revealed: true,
            ..guessed
        };
        assert!(!revealed.predicting());
        assert_eq!(revealed.next(), Next::Step(1));
        let asks = StepState {
            asks_room: true,
            ..at(2)
        };
        assert!(asks.asking());
        assert_eq!(
            asks.next(),
            Next::Reveal,
            "the room's levers are revealed first"
        );
    }
}
