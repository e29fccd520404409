//! `gensyn funds`: whether the chain's money adds up (see [`crate::funds`]);
//! exits 1 when it does not.

use crate::{amount::format_tokens, args::GlobalArgs, error::CliError, output::Output};

/// `gensyn funds`
pub async fn run(global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let chain = super::connect(global).await?;
    let at = chain.best().await?;
    let f = crate::funds::read(&chain, Some(at.hash)).await?;
    let mut doc = f.json();
    doc["at"] = at.json();
    if !f.reconciles() {
        return Err(CliError::Mismatch(format!("the chain's funds do not reconcile at #{}: {doc}", at.number)));
    }
    out.emit(doc, || {
        format!(
            "funds reconcile at #{}: issuance {} over {} accounts, jackpot {}",
            at.number,
            format_tokens(f.issuance),
            f.accounts,
            format_tokens(f.jackpot)
        )
    });
    Ok(())
}
