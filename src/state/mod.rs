//! What the app shows, as plain data: the one reducer (`app_state`), the link (`link`, with
//! the plan, story and team codes), saved scenarios, exports and the workers' jobs; each
//! mode's rules in a folder of its name (`explore`, `play`, `class`, `story`). No web
//! dependency, so every rule here is tested natively.

pub mod app_state;
pub mod class;
pub mod explore;
pub mod export;
pub mod jobs;
pub mod link;
pub mod order;
pub mod plan_code;
pub mod play;
pub mod pool;
pub mod saved;
pub mod stats;
pub mod story;
pub mod story_code;
pub mod team_code;
pub mod your_page;

pub use link::{decode, encode, Problem, ProblemKind, Shared};
