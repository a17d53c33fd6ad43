//! "Your page": forecasts fitted to a page's own history (docs/MODEL.md §13).
//!
//! - `table`, `dates`: a pasted or exported table read into a [`History`];
//! - `prior`: what is unknown before the history (the company's constants as every run draws
//!   them, the levers the table does not give, the starting followers);
//! - `observe`: the observation model (how reports relate to a simulated future);
//! - `infer`: weighing a future against the history; the fit's result and its refusals;
//! - `smc`: the sampler that moves futures from the prior to the posterior (`stepwise`: the
//!   same, a few futures at a time);
//! - `forecast`: the kept futures continued under any plan with common random numbers.

mod dates;
pub mod forecast;
pub mod history;
pub mod infer;
pub mod moves;
pub mod observe;
pub mod prior;
pub mod smc;
pub mod stepwise;
pub mod synthetic;
pub mod table;

pub use history::{Column, History, Row};
pub use infer::{ConstantRange, Fit, FitError, FitOptions, Fitter, Future, MIN_ESS};
pub use smc::{fit, weigh_prior, Smc};
pub use stepwise::Stepwise;
pub use table::{read_table, Problem, TableError};
