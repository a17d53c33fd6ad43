//! "When will it pay off?": the gym-membership lesson. Chances of being on track at day
//! 90/180/365, of reaching the goal, of breaking even and of being cancelled, by week.

use super::fan_chart::Fit;
use super::weekly_chart::WeeklyChart;
use super::Snapshot;
use crate::i18n::{tr, trf, Lang};
use crate::model::monte_carlo::MILESTONES;
use crate::view::format::{chance, full};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PatienceProps {
    pub current: Snapshot,
    /// Where it is shown, which sets its chart's text size.
    #[prop_or_default]
    pub fit: Fit,
}

#[component]
pub fn Patience(p: &PatienceProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let s = &p.current.0.summary;
    let a = &s.scenario.assumptions;
    let goal = a.goal_leads;
    let goal_by = [s.goal_p90, s.goal_p180, s.goal_p365];
    let cards = MILESTONES.iter().enumerate().filter(|(_, &d)| d <= s.days as usize).map(|(i, &day)| {
        let needed = goal * (day as f64 / a.goal_day as f64).min(1.0);
        let leads = s.band(crate::model::Metric::Leads);
        let active = s.active[day];
        html! {
            <article class="milestone-card" data-day={day.to_string()}>
                <h4>{ trf(l, "patience.day", &[&day]) }</h4>
                <p class="big" data-on-track={format!("{:.4}", s.on_track[i])}>{ chance(l, s.on_track[i]) }</p>
                <p>{ trf(l, "patience.on_track", &[&full(l, needed.ceil())]) }</p>
                <p class="small-print">{ trf(l, "patience.small", &[&full(l, leads.p50[day].round()), &full(l, goal), &chance(l, goal_by[i]), &chance(l, active)]) }</p>
            </article>
        }
    });
    let never = 1.0 - s.break_even_by_week.last().copied().unwrap_or(0.0);
    let break_even = match (s.break_even_p10, s.break_even_p50, s.break_even_p90) {
        (Some(p10), Some(p50), Some(p90)) => trf(
            l,
            "patience.break_even",
            &[&p50, &p10, &p90, &chance(l, never), &s.days],
        ),
        _ => trf(l, "patience.never", &[&s.runs_done, &s.days]),
    };
    html! {
        <section class="patience" aria-labelledby="patience-title">
            <h3 id="patience-title">{ tr(l, "patience.title") }</h3>
            <p class="lead">{ trf(l, "patience.lead", &[&full(l, goal), &a.goal_day]) }</p>
            <div class="cards">{ for cards }</div>
            <WeeklyChart title={tr(l, "patience.chart")} fit={p.fit}
                series={vec![
                    (AttrValue::from(trf(l, "patience.reached", &[&full(l, goal)])), "#0072b2", s.goal_by_week.clone()),
                    (AttrValue::from(tr(l, "patience.paid_back")), "#009e73", s.break_even_by_week.clone()),
                    (AttrValue::from(tr(l, "patience.cancelled")), "#d55e00", s.cancelled_by_week.clone()),
                ]} />
            <p class="break-even">{ break_even }</p>
        </section>
    }
}

/// The pay-off verdict in a sentence, at the top of the page (the milestones and the chances by
/// week follow further down, in [`Patience`]); its box waits, empty, for the first futures.
pub fn verdict(l: Lang, s: Option<&crate::model::Summary>) -> Html {
    let text = s.map(|s| crate::view::futures::payoff(l, s));
    html! {
        <div class="payoff">
            <h2>{ tr(l, "patience.title") }</h2>
            <p class="payoff-verdict">{ text.unwrap_or_default() }</p>
            <p><a href="#patience-title">{ tr(l, "verdict.more") }</a></p>
        </div>
    }
}
