//! Named scenarios for workshops: each tells one of the lessons in docs/MODEL.md.

use super::params::{Assumptions, Levers, Scenario};

pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub lesson: &'static str,
    pub scenario: Scenario,
}

fn scenario(budget: f64, posts_per_week: f64, responsiveness: f64, buy_in: f64) -> Scenario {
    Scenario {
        levers: Levers {
            budget,
            posts_per_week,
            responsiveness,
            buy_in,
        },
        assumptions: Assumptions::default(),
        changes: Default::default(),
    }
}

/// The same company with its budget split differently (content %, community management %).
fn with_split(mut s: Scenario, content: f64, community: f64) -> Scenario {
    s.assumptions.content_share = content;
    s.assumptions.community_share = community;
    s
}

fn with_crisis(mut s: Scenario, day: u32) -> Scenario {
    s.assumptions.crisis_day = day;
    s
}

/// All presets; the first is the app's default scenario.
pub fn presets() -> Vec<Preset> {
    vec![
        Preset {
            id: "default",
            name: "A reasonable start",
            lesson: "A modest budget, steady posting, answers within the day, a supportive boss.",
            scenario: Scenario::default(),
        },
        Preset {
            id: "half-hearted",
            name: "Half-hearted experiment",
            lesson: "A page, three posts a week, no budget, nobody answering, a boss who expects it to fail.",
            scenario: scenario(300.0, 3.0, 20.0, 15.0),
        },
        Preset {
            id: "committed",
            name: "Committed programme",
            lesson: "Budget, steady posting, every comment answered fast, the CEO champions it.",
            scenario: scenario(4000.0, 7.0, 90.0, 90.0),
        },
        Preset {
            id: "intern",
            name: "Intern on their own",
            lesson: "Ten posts a week asked of a junior with almost no budget, no backing and no one to escalate to.",
            scenario: scenario(400.0, 10.0, 50.0, 10.0),
        },
        Preset {
            id: "big-budget",
            name: "Big budget, nobody listening",
            lesson: "Heavy paid promotion and many posts, nothing spent on answering: followers grow, leads do not.",
            scenario: with_split(scenario(20_000.0, 21.0, 0.0, 75.0), 35.0, 0.0),
        },
        Preset {
            id: "crisis-mishandled",
            name: "Crisis mishandled",
            lesson: "A complaint goes public on day 30; answers are slow and wait for sign-off.",
            scenario: with_crisis(scenario(3000.0, 7.0, 10.0, 30.0), 30),
        },
        Preset {
            id: "crisis-handled",
            name: "Crisis handled",
            lesson: "The same complaint on day 30, answered within the hour with the boss's backing.",
            scenario: with_crisis(scenario(3000.0, 7.0, 90.0, 85.0), 30),
        },
        Preset {
            id: "never-started",
            name: "Never started",
            lesson: "The same company without any programme: no page, no spend, no posts. The baseline a failed entry is judged against.",
            scenario: scenario(0.0, 0.0, 0.0, 0.0),
        },
    ]
}

pub fn preset(id: &str) -> Option<Preset> {
    presets().into_iter().find(|p| p.id == id)
}
