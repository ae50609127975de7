//! A family behind `dyn`: [`Of<F>`] erases a [`Family`]'s types, so the registry
//! ([`FAMILIES`](crate::actions::FAMILIES)) is one line per family and nothing else names the
//! families to dispatch on them: an offered action, an undo and a preview find their family by
//! id or journal name and run through the same runner as a typed verb.

use std::marker::PhantomData;

use futures::future::LocalBoxFuture;

use super::{change, change_with, Ask, Console, Desk, Options, Verifier};
use crate::actions::journal::Entry;
use crate::actions::{ActionCall, ActionInfo, Ctx, Family};
use crate::error::{Error, Outcome};

/// A registered family, whatever its request, state and change types.
pub trait Registered: Sync {
    /// The family's name in the journal.
    fn name(&self) -> &'static str;
    /// The contract ids it implements.
    fn actions(&self) -> &'static [ActionInfo];
    /// Runs an offered action of this family through the runner.
    fn call(
        &self,
        desk: &Desk,
        console: &dyn Console,
        verifier: &dyn Verifier,
        opts: &Options,
        call: &ActionCall,
    ) -> Result<Outcome, Error>;
    /// Undoes one of this family's journal entries through the runner (`entries`: the journal
    /// as read to find it).
    fn undo(
        &self,
        desk: &Desk,
        entries: &[Entry],
        console: &dyn Console,
        verifier: &dyn Verifier,
        opts: &Options,
        entry: Entry,
    ) -> Result<Outcome, Error>;
    /// Reads and plans an offered action without applying it: its (target, preview, noop).
    fn preview<'a>(
        &'a self,
        cx: &'a Ctx<'a>,
        call: &'a ActionCall,
    ) -> LocalBoxFuture<'a, Result<(String, String, bool), Error>>;
}

/// Family `F`, registered: `&Of::<F>::FAMILY` is its line in the registry.
pub struct Of<F>(PhantomData<fn() -> F>);

impl<F> Of<F> {
    /// The registry's handle on `F`.
    pub const FAMILY: Of<F> = Of(PhantomData);
}

impl<F: Family> Registered for Of<F> {
    fn name(&self) -> &'static str {
        F::NAME
    }

    fn actions(&self) -> &'static [ActionInfo] {
        F::ACTIONS
    }

    fn call(
        &self,
        desk: &Desk,
        console: &dyn Console,
        verifier: &dyn Verifier,
        opts: &Options,
        call: &ActionCall,
    ) -> Result<Outcome, Error> {
        let req = F::request(&call.id, &call.args)?;
        change::<F>(desk, console, verifier, opts, Ask::Do(req))
    }

    fn undo(
        &self,
        desk: &Desk,
        entries: &[Entry],
        console: &dyn Console,
        verifier: &dyn Verifier,
        opts: &Options,
        entry: Entry,
    ) -> Result<Outcome, Error> {
        change_with::<F>(desk, entries, console, verifier, opts, Ask::Undo(Box::new(entry)))
    }

    fn preview<'a>(
        &'a self,
        cx: &'a Ctx<'a>,
        call: &'a ActionCall,
    ) -> LocalBoxFuture<'a, Result<(String, String, bool), Error>> {
        Box::pin(async move {
            let req = F::request(&call.id, &call.args)?;
            F::check(&req, cx.settings)?;
            let state = F::read(cx, &req).await?;
            let p = F::plan(&req, state, cx.settings, false)?;
            Ok((p.target, p.preview, p.noop))
        })
    }
}
