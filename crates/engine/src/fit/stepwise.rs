//! A fit done a little at a time: the same stages as [`Smc::run`], the same bits, but cut
//! into pieces of a few futures each, so that a worker can answer newer requests (and say it
//! is alive) between them.

use super::infer::{Fit, FitError, FitOptions, Fitter};
use super::moves::{move_part, StageMoves, Walker};
use super::smc::{weigh_prior, Smc};

/// A fit under way.
pub struct Stepwise {
    opts: FitOptions,
    /// Until the first population is weighed.
    fitter: Option<Fitter>,
    prior: Vec<Walker>,
    smc: Option<Smc>,
    moving: Option<Moving>,
}

/// A stage's moves under way: the population's futures before `next` are moved.
struct Moving {
    moves: StageMoves,
    walkers: Vec<Walker>,
    next: usize,
    counts: (u64, u64),
}

impl Stepwise {
    pub fn new(fitter: Fitter, opts: &FitOptions) -> Stepwise {
        Stepwise {
            opts: *opts,
            fitter: Some(fitter),
            prior: Vec::with_capacity(opts.runs as usize),
            smc: None,
            moving: None,
        }
    }

    /// Weighs or moves up to `n` futures (a move costs `2 × MOVES` simulations of the
    /// history, a first weighing one); `Some` when the fit is done or refused.
    pub fn work(&mut self, n: usize) -> Option<Result<Fit, FitError>> {
        if let Some(fitter) = self.fitter.as_mut() {
            let from = self.prior.len() as u64;
            let to = (from + n as u64).min(self.opts.runs as u64);
            self.prior.extend(weigh_prior(fitter, from..to));
            if to == self.opts.runs as u64 {
                let fitter = self.fitter.take().expect("a fitter");
                let prior = std::mem::take(&mut self.prior);
                self.smc = Some(Smc::from_prior(fitter, &self.opts, prior));
            }
            return None;
        }
        let smc = self.smc.as_mut().expect("a sampler");
        let Some(m) = self.moving.as_mut() else {
            if let Some(done) = smc.reweigh() {
                return Some(done);
            }
            let (moves, walkers) = (smc.stage_moves(), smc.walkers());
            self.moving = Some(Moving {
                moves,
                walkers,
                next: 0,
                counts: (0, 0),
            });
            return None;
        };
        let end = (m.next + n).min(m.walkers.len());
        let (p, a) = move_part(
            smc.fitter_mut(),
            &m.moves,
            m.next,
            &mut m.walkers[m.next..end],
        );
        m.counts = (m.counts.0 + p, m.counts.1 + a);
        m.next = end;
        if end == m.walkers.len() {
            let m = self.moving.take().expect("moves under way");
            smc.moved(m.walkers, m.counts);
        }
        None
    }

    /// Runs every piece.
    pub fn run(mut self) -> Result<Fit, FitError> {
        loop {
            if let Some(done) = self.work(usize::MAX) {
                return done;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{fit, synthetic::synthetic, Column};
    use super::*;
    use crate::Scenario;

    #[test]
    fn a_fit_in_pieces_is_the_fit_in_one_go_bit_for_bit() {
        let mut s = Scenario::default();
        s.assumptions.horizon_days = 150;
        let history = synthetic(&s, (30, 3), (5, 2), 200.0, &Column::ALL).history;
        let opts = FitOptions {
            runs: 40,
            seed: 5,
            starting_followers: None,
            futures: 40,
        };
        let whole = fit(&history, &s, &opts).unwrap();
        let mut pieces = Stepwise::new(Fitter::new(&history, &s, &opts), &opts);
        let parts = loop {
            if let Some(done) = pieces.work(3) {
                break done.unwrap();
            }
        };
        assert_eq!(whole.weights, parts.weights);
        assert_eq!(whole.kept, parts.kept);
        assert_eq!(whole.ess.to_bits(), parts.ess.to_bits());
    }
}
