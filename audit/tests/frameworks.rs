//! One test per row of the frameworks table: the handlers a package that
//! depends on the framework has, and what is not a handler.

use std::path::PathBuf;

use ephemeral_fs_audit::frameworks::{FRAMEWORKS, Rows};
use ephemeral_fs_audit::{CrateRoot, PackageInput, request_path, summarize};

/// The handlers of a one-file crate that depends on `framework`.
fn handlers(framework: &str, source: &str) -> Vec<String> {
    let file = syn::parse_file(source).expect("test source parses");
    let root = PathBuf::from("src/lib.rs");
    let files = vec![(root.clone(), summarize(&file, false))];
    let package = PackageInput {
        name: "service".to_owned(),
        crates: vec![CrateRoot {
            name: "service".to_owned(),
            root,
            is_lib: true,
        }],
        dependencies: Vec::new(),
        frameworks: Rows::for_dependencies([framework]),
        audited: true,
    };
    let mut names: Vec<String> = request_path(&[package], &files)
        .functions
        .into_iter()
        .filter(|f| f.handler)
        .map(|f| f.name)
        .collect();
    names.sort();
    names
}

#[test]
fn every_row_names_its_packages() {
    for row in FRAMEWORKS {
        assert!(!row.crates.is_empty(), "{}", row.name);
        assert_eq!(
            Rows::for_dependencies(row.crates.iter().copied()).names(),
            [row.name],
            "a dependency on {} selects its row alone",
            row.name
        );
    }
    // A package that names none of them gets them all.
    assert_eq!(Rows::for_dependencies(["serde"]), Rows::ALL);
}

#[test]
fn axum() {
    let source = r#"
        fn app() -> Router {
            Router::new()
                .route("/a", get(list).post(handlers::create))
                .route("/b", MethodRouter::new().on(MethodFilter::PUT, replace))
                .route_service("/c", get(service))
                .nest("/api", api())
                .layer(middleware::from_fn(auth))
                .fallback(not_found)
        }
        fn api() -> Router { Router::new() }
        fn other(map: HashMap<u8, u8>, key: u8) { map.get(key); }
        fn key() {}
        async fn list() {} async fn replace() {} async fn service() {}
        async fn auth() {} async fn not_found() {}
        mod handlers { pub async fn create() {} }
        #[debug_handler]
        async fn debugged() {}
        #[get("/")]
        async fn actix_style() {}
        struct User;
        impl<S> FromRequestParts<S> for User { async fn from_request_parts() {} }
        impl<S> FromRequest<S> for Body { async fn from_request() {} }
    "#;
    assert_eq!(
        handlers("axum", source),
        [
            "Body::from_request",
            "User::from_request_parts",
            "auth",
            "debugged",
            "handlers::create",
            "list",
            "not_found",
            "replace",
            "service",
        ]
    );
}

#[test]
fn actix_web() {
    let source = r#"
        #[post("/up")]
        async fn upload() {}
        #[actix_web::get("/")]
        async fn index() {}
        fn config(cfg: &mut web::ServiceConfig) {
            cfg.service(web::resource("/r").route(web::post().to(create)))
                .service(web::scope("/s").route("/x", web::get().to(scoped)));
        }
        fn app() {
            App::new().service(upload).default_service(web::to(fallback));
            web::resource("/d").to(direct);
        }
        async fn create() {} async fn scoped() {} async fn fallback() {} async fn direct() {}
        impl FromRequest for Auth { fn from_request() {} }
        impl<S, B> Transform<S, ServiceRequest> for Mw { fn new_transform(&self) {} }
        impl<S, B> Service<ServiceRequest> for MwService { fn call(&self) {} }
        #[handler]
        async fn poem_style() {}
    "#;
    assert_eq!(
        handlers("actix-web", source),
        [
            "Auth::from_request",
            "Mw::new_transform",
            "MwService::call",
            "create",
            "direct",
            "fallback",
            "index",
            "scoped",
            "upload",
        ]
    );
}

#[test]
fn rocket() {
    let source = r#"
        #[get("/")]
        fn index() {}
        #[catch(404)]
        fn not_found() {}
        #[launch]
        fn rocket() -> _ {
            rocket::build()
                .mount("/", routes![index, api::create])
                .register("/", catchers![not_found])
        }
        mod api { pub fn create() {} }
        impl<'r> FromRequest<'r> for Token { async fn from_request() {} }
        impl<'r> FromData<'r> for Paste { async fn from_data() {} }
    "#;
    assert_eq!(
        handlers("rocket", source),
        [
            "Paste::from_data",
            "Token::from_request",
            "api::create",
            "index",
            "not_found"
        ]
    );
}

#[test]
fn poem() {
    let source = r#"
        #[handler]
        fn hello() {}
        fn app() -> Route { Route::new().at("/up", post(upload)).nest("/api", api()) }
        async fn upload() {}
        fn api() -> Route { Route::new() }
    "#;
    assert_eq!(handlers("poem", source), ["hello", "upload"]);
}

#[test]
fn salvo() {
    let source = r#"
        #[handler]
        async fn hello() {}
        #[endpoint]
        async fn documented() {}
        fn router() -> Router {
            Router::new().push(Router::with_path("up").post(upload))
        }
        async fn upload() {}
    "#;
    assert_eq!(handlers("salvo", source), ["documented", "hello", "upload"]);
}

#[test]
fn warp() {
    let source = r#"
        fn routes() {
            let upload = warp::path("up").and(warp::body::bytes()).and_then(upload);
            let hello = warp::any().map(hello);
            let saved = filters::save().and_then(handlers::save);
            let names: Vec<u8> = vec![].iter().map(helper).collect();
        }
        async fn upload() {} fn hello() {} fn helper() {}
        mod handlers { pub async fn save() {} }
    "#;
    assert_eq!(
        handlers("warp", source),
        ["handlers::save", "hello", "upload"]
    );
}

#[test]
fn tonic() {
    let source = r#"
        #[tonic::async_trait]
        impl Greeter for MyGreeter {
            async fn say_hello(&self) {}
        }
        #[async_trait]
        impl Other for MyGreeter {
            async fn not_a_service(&self) {}
        }
        impl MyGreeter { fn helper(&self) {} }
    "#;
    assert_eq!(handlers("tonic", source), ["MyGreeter::say_hello"]);
}
