//! Trainer mode: a story opened (the default one or a file), stepped through and left.

use super::{AppState, Notice, StoryRefusal};
use crate::files::FileError;
use crate::state::story_code;
use crate::story::{default_story, parse_story};
use std::rc::Rc;

pub enum StoryAction {
    /// The default story.
    Start,
    /// A story file's name and text; one that does not parse is refused with the reason.
    File {
        name: String,
        text: String,
    },
    Step(usize),
    Exit,
    /// A story file that could not be read: by the browser (`None`), or as UTF-8 text.
    Unreadable(String, Option<FileError>),
}

impl AppState {
    pub(super) fn apply_story(&mut self, action: StoryAction) {
        match action {
            StoryAction::Start => self.open_story("default".into(), 0, None),
            StoryAction::File { name, text } => self.open_story(text, 0, Some(&name)),
            StoryAction::Step(i) => self.show_step(i),
            StoryAction::Exit => {
                self.story = None;
                self.shared.story = None;
                self.shared.step = 0;
                self.shared.pinned = None;
            }
            StoryAction::Unreadable(name, error) => {
                self.story_refusal = Some(StoryRefusal { name, error })
            }
        }
    }

    /// Opens a story (a file's text, or `default`) at a step; one that does not parse is
    /// reported and trainer mode stays off. The link carries it compressed.
    pub(super) fn open_story(&mut self, raw: String, step: usize, file: Option<&str>) {
        let parsed = if raw == "default" {
            Ok(default_story())
        } else {
            parse_story(&raw)
        };
        match parsed {
            Ok(story) => {
                self.story = Some(Rc::new(story));
                self.shared.story = Some(story_code::encode(&raw));
                self.story_refusal = None;
                self.show_step(step);
            }
            Err(e) => match file {
                Some(name) => {
                    let name = name.to_string();
                    self.story_refusal = Some(StoryRefusal {
                        name,
                        error: Some(e),
                    });
                }
                None => self.notices.push(Notice::Story(e)),
            },
        }
    }

    /// Shows step `i` of the story: its levers (unless the room sets them) and its comparison.
    pub(super) fn show_step(&mut self, i: usize) {
        let Some(story) = self.story.clone() else {
            return;
        };
        let i = i.min(story.steps.len() - 1);
        let step = &story.steps[i];
        self.shared.step = i as u32;
        if let Ok(Some(scenario)) = step.scenario("") {
            self.shared.scenario = scenario;
        }
        self.shared.pinned = step.pinned("").ok().flatten();
    }
}
