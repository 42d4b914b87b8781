//! Fixtures shared by the benchmarks: handler functions of realistic shape,
//! and the identity floor every expansion is compared against.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::visit_mut::VisitMut;

pub mod ops;

/// A handler, as the attribute would receive it.
pub struct Fixture {
    pub name: &'static str,
    pub source: String,
}

impl Fixture {
    pub fn tokens(&self) -> TokenStream {
        self.source.parse().expect("fixture lexes")
    }
}

/// What any attribute that parses its item with syn costs at least: parse,
/// a visit that changes nothing, print.
pub fn identity_floor(item: TokenStream) -> TokenStream {
    struct NoOp;
    impl VisitMut for NoOp {}
    match syn::parse2::<syn::ItemFn>(item) {
        Ok(mut function) => {
            NoOp.visit_item_fn_mut(&mut function);
            function.into_token_stream()
        }
        Err(error) => error.to_compile_error(),
    }
}

/// About ten lines, no filesystem access: most handlers look like this.
pub fn small_plain() -> Fixture {
    Fixture {
        name: "small/plain",
        source: r#"
async fn get_user(State(db): State<Db>, Path(id): Path<u64>) -> Result<Json<UserView>, AppError> {
    let user = db.find_user(id).await?;
    let Some(user) = user else {
        return Err(AppError::NotFound(format!("user {id}")));
    };
    tracing::debug!(user = %user.name, "loaded");
    let mut view = UserView::from(&user);
    view.links = links_for(&user);
    Ok(Json(view))
}"#
        .to_owned(),
    }
}

/// About ten lines that stage an upload in a temp file.
pub fn small_fs() -> Fixture {
    Fixture {
        name: "small/fs",
        source: r#"
async fn upload(State(store): State<Store>, body: Bytes) -> Result<Json<Key>, AppError> {
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, &body)?;
    let digest = checksum(std::fs::read(tmp.path())?);
    tracing::info!(%digest, "staged");
    let key = store.put(&digest, std::fs::read(&tmp)?).await?;
    Ok(Json(key))
}"#
        .to_owned(),
    }
}

/// About sixty lines with closures, async blocks and macros.
pub fn medium(with_fs: bool) -> Fixture {
    let staging = if with_fs {
        r#"let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, &body)?;
    let staged = std::fs::read(tmp.path())?;"#
    } else {
        r#"let tmp = Buffer::new();
    tmp.extend_from_slice(&body);
    let staged = tmp.to_vec();"#
    };
    Fixture {
        name: if with_fs { "medium/fs" } else { "medium/plain" },
        source: format!(
            r#"
async fn import(State(app): State<App>, Query(params): Query<Params>, body: Bytes) -> Result<Json<Report>, AppError> {{
    let started = Instant::now();
    let limit = params.limit.unwrap_or(100).min(1_000);
    {staging}
    let rows: Vec<Row> = staged
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .take(limit)
        .map(|line| Row::parse(line))
        .collect::<Result<_, _>>()?;
    assert!(rows.len() <= limit, "limit {{}} exceeded", limit);
    let by_tenant = rows.iter().fold(HashMap::new(), |mut acc, row| {{
        *acc.entry(row.tenant).or_insert(0usize) += 1;
        acc
    }});
    let tasks = by_tenant.keys().map(|tenant| {{
        let app = app.clone();
        let tenant = *tenant;
        async move {{
            let quota = app.quotas.get(tenant).await?;
            Ok::<_, AppError>((tenant, quota))
        }}
    }});
    let quotas = futures::future::try_join_all(tasks).await?;
    let mut report = Report::default();
    for (tenant, quota) in quotas {{
        let used = by_tenant[&tenant];
        if used > quota.remaining {{
            report.rejected.push(format!("{{tenant}}: {{used}} > {{}}", quota.remaining));
            continue;
        }}
        report.accepted += used;
    }}
    match params.mode {{
        Mode::DryRun => {{
            tracing::info!(accepted = report.accepted, "dry run");
        }}
        Mode::Apply => {{
            let batch = rows.into_iter().filter(|row| !report.rejected.contains(&row.id)).collect::<Vec<_>>();
            app.db.insert_rows(&batch).await?;
            debug_assert!(batch.len() >= report.accepted, "{{:?}}", batch.len());
        }}
    }}
    let summary = vec![
        format!("accepted {{}}", report.accepted),
        format!("rejected {{}}", report.rejected.len()),
    ];
    tracing::info!(elapsed = ?started.elapsed(), summary = ?summary, "import done");
    report.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(Json(report))
}}"#
        ),
    }
}

/// A thousand statements; with `with_fs`, one in ten writes a temp file.
pub fn large(with_fs: bool) -> Fixture {
    let mut body = String::from("let tmp = tempfile::NamedTempFile::new()?;\n    let mut acc = 0u64;\n");
    for i in 0..1_000 {
        if with_fs && i % 10 == 0 {
            body.push_str("    std::fs::write(&tmp, acc.to_le_bytes())?;\n");
        } else {
            body.push_str(&format!("    acc = acc.wrapping_mul(31).wrapping_add(step({i}, &input));\n"));
        }
    }
    Fixture {
        name: if with_fs { "large/fs" } else { "large/plain" },
        source: format!("fn crunch(input: &[u8]) -> std::io::Result<u64> {{\n    {body}    Ok(acc)\n}}"),
    }
}

pub fn all() -> Vec<Fixture> {
    vec![small_plain(), small_fs(), medium(false), medium(true), large(false), large(true)]
}
