//! "When will it pay off?": the gym-membership lesson. Chances of being on track at day
//! 90/180/365, of reaching the goal, of breaking even and of being cancelled, by week.

use super::chart::WeeklyChart;
use super::format::{chance, full};
use super::Snapshot;
use crate::model::monte_carlo::MILESTONES;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PatienceProps {
    pub current: Snapshot,
}

#[component]
pub fn Patience(p: &PatienceProps) -> Html {
    let s = &p.current.0.summary;
    let a = &s.scenario.assumptions;
    let goal = a.goal_leads;
    let goal_by = [s.goal_p90, s.goal_p180, s.goal_p365];
    let cards = MILESTONES.iter().enumerate().filter(|(_, &d)| d <= s.days as usize).map(|(i, &day)| {
        let needed = goal * (day as f64 / a.goal_day as f64).min(1.0);
        let leads = &s.metrics[crate::model::engine::LEADS];
        let active = s.active[day];
        html! {
            <article class="milestone-card" data-day={day.to_string()}>
                <h4>{ format!("Day {day}") }</h4>
                <p class="big" data-on-track={format!("{:.4}", s.on_track[i])}>{ chance(s.on_track[i]) }</p>
                <p>{ format!("chance of being on track: at least {} leads, the straight-line share of the goal that management expects by then.", full(needed.ceil())) }</p>
                <p class="small-print">{ format!("Median leads by then: {}. Goal of {} leads reached: {}. Programme still running: {}.",
                    full(leads.p50[day]), full(goal), chance(goal_by[i]), chance(active)) }</p>
            </article>
        }
    });
    let never = 1.0 - s.break_even_by_week.last().copied().unwrap_or(0.0);
    let break_even = match (s.break_even_p10, s.break_even_p50, s.break_even_p90) {
        (Some(p10), Some(p50), Some(p90)) => format!(
            "Of the futures that pay back, half do so by day {p50} (the quickest 10% by day {p10}, 90% by day {p90}). In {} of futures the programme has not paid back by day {}.",
            chance(never), s.days
        ),
        _ => format!("In none of the {} simulated futures does the programme pay back its cost within {} days.", s.runs_done, s.days),
    };
    html! {
        <section class="patience" aria-labelledby="patience-title">
            <h3 id="patience-title">{ "When will it pay off?" }</h3>
            <p class="lead">{ format!("Goal: {} leads by day {}. Nobody gets fit the morning after joining the gym: what needs to be true at each milestone?", full(goal), a.goal_day) }</p>
            <div class="cards">{ for cards }</div>
            <WeeklyChart title="Chance, by week, of having reached the goal, paid back the cost, or been cancelled"
                series={vec![
                    (AttrValue::from(format!("Reached {} leads", full(goal))), "#0072b2", s.goal_by_week.clone()),
                    (AttrValue::from("Paid back the cost (cumulative revenue ≥ cost)"), "#009e73", s.break_even_by_week.clone()),
                    (AttrValue::from("Cancelled by management"), "#d55e00", s.cancelled_by_week.clone()),
                ]} />
            <p class="break-even">{ break_even }</p>
        </section>
    }
}
