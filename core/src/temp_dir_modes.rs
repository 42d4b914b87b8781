//! Temp directories made with permissions their owner cannot list or
//! enter, which their cleanup then cannot empty.

use syn::Expr;

use crate::lints::{Level, Lint};
use crate::rewrite::Rewriter;
use crate::syntax::ident_name;

impl Rewriter<'_> {
    // Input:  Builder::new().permissions(Permissions::from_mode(0o300)).tempdir()
    /// Notes what may make a temp directory its owner cannot list or enter,
    /// which its cleanup then cannot empty: a `permissions(..)` call whose
    /// argument is not a literal mode with the owner's rights
    /// (`Permissions::from_mode(0o700)`), on any receiver, and whether the
    /// body makes a temp directory. tempfile's `Builder` applies its
    /// permissions to the directory it makes, wherever they were set.
    pub(crate) fn note_temp_dir_permissions(&mut self, call: &syn::ExprMethodCall) {
        let name = ident_name(&call.method);
        if matches!(name.as_str(), "tempdir" | "tempdir_in") {
            self.body.makes_temp_dir = true;
            return;
        }
        // `Builder::new().permissions(p).tempfile()`: a file's mode, on a
        // builder made in the chain (on a local, the mode stays on it for
        // a later `tempdir()`).
        if matches!(
            name.as_str(),
            "tempfile" | "tempfile_in" | "make" | "make_in"
        ) {
            let mut receiver = &*call.receiver;
            let mut permissions = Vec::new();
            while let Expr::MethodCall(link) = receiver {
                if link.method == "permissions" {
                    permissions.extend(link.args.first());
                }
                receiver = &link.receiver;
            }
            if matches!(receiver, Expr::Call(_)) {
                for permissions in permissions {
                    let address = permissions as *const Expr as usize;
                    self.body.file_permissions.insert(address);
                }
            }
            return;
        }
        if name != "permissions" || call.args.len() != 1 {
            return;
        }
        if let Some(permissions) = call.args.first() {
            self.note_permissions(permissions);
        }
    }

    pub(crate) fn note_permissions(&mut self, permissions: &Expr) {
        if self.levels.get(Lint::TempEscape) != Level::Deny {
            return;
        }
        if self
            .body
            .file_permissions
            .contains(&(permissions as *const Expr as usize))
        {
            return;
        }
        let owner_has_all = match permissions {
            Expr::Call(from_mode) if from_mode.args.len() == 1 => {
                matches!(&*from_mode.func, Expr::Path(callee)
                    if callee.path.segments.last().is_some_and(|last| last.ident == "from_mode"))
                    && from_mode
                        .args
                        .first()
                        .and_then(crate::syntax::literal_mode)
                        .is_some_and(crate::syntax::owner_has_all)
            }
            _ => false,
        };
        if !owner_has_all {
            self.body.permissions.push(permissions.clone());
        }
    }

    // Input:  Builder::tempdir(&b)    Builder::permissions(&mut b, p)
    /// The path-called forms of what `note_temp_dir_permissions` notes.
    pub(crate) fn note_temp_dir_permissions_called(&mut self, path: &syn::Path, args: &[&Expr]) {
        let Some(last) = path.segments.last() else {
            return;
        };
        let name = ident_name(&last.ident);
        if matches!(name.as_str(), "tempdir" | "tempdir_in") {
            self.body.makes_temp_dir = true;
        } else if name == "permissions" && args.len() == 2 {
            self.note_permissions(args[1]);
        }
    }

    /// Refuses the permissions `note_temp_dir_permissions` noted, where the
    /// body makes a temp directory.
    pub(crate) fn refuse_unlistable_temp_dirs(&mut self) {
        if !self.body.makes_temp_dir {
            return;
        }
        for permissions in std::mem::take(&mut self.body.permissions) {
            self.changes += 1;
            self.ctxt.error_spanned(
                &permissions,
                "temp_escape: a temp directory made with these permissions may be one its owner cannot list or enter, which its cleanup cannot empty; leave the default permissions, or give a literal mode with the owner's rights (`Permissions::from_mode(0o700)`); to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement",
            );
        }
    }
}
