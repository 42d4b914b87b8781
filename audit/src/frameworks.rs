//! The web frameworks whose handlers the audit recognises: one row per
//! framework, in the spirit of `ops.rs`. Adding a framework is a row here
//! and a test in `tests/frameworks.rs`.
//!
//! A row applies to a package that depends on one of its `crates`; a
//! package that depends on none of the table's crates (a fixture, or a crate
//! that re-exports a framework) gets every row.
//!
//! Recognition is by syntax. A handler is a function that
//! - carries one of the row's `route_attributes` (`#[post("/")]`);
//! - is passed, as a path, to one of its `routing_functions`
//!   (`get(upload)`, `web::to(upload)`, `middleware::from_fn(auth)`), to one
//!   of its `builder_methods` in a chain that a router constructor, a
//!   routing function or another builder method starts
//!   (`Router::new().fallback(h)`, `web::post().to(h)`), to one of its
//!   `any_receiver_methods` whatever the receiver (warp's `.and_then(h)`),
//!   or to one of its `handler_macros` (`routes![a, b::c]`);
//! - is a method of an impl of one of its `handler_traits`
//!   (`impl FromRequestParts<S> for User`), or of an impl that carries one
//!   of its `impl_attributes` (`#[tonic::async_trait]`).
//!
//! Only a path that resolves to a function of the crate becomes a handler,
//! so `map.get(key)` makes no handler of a local `key`.

/// One framework's ways of naming a handler.
pub struct Framework {
    pub name: &'static str,
    /// The packages that provide it, as a manifest names them.
    pub crates: &'static [&'static str],
    /// By the last segment of the attribute's path.
    pub route_attributes: &'static [&'static str],
    /// Functions whose path arguments are handlers, by their last segment.
    pub routing_functions: &'static [&'static str],
    /// Calls that start a routing chain, by their last two segments
    /// (`Router::new`) or, ending in `::`, by their first (`warp::`).
    pub router_constructors: &'static [&'static str],
    /// Methods whose path arguments are handlers, in a routing chain.
    pub builder_methods: &'static [&'static str],
    /// Methods whose path arguments are handlers on any receiver.
    pub any_receiver_methods: &'static [&'static str],
    /// Macros whose arguments are handlers, by their last segment.
    pub handler_macros: &'static [&'static str],
    /// Traits whose impls run on every request, by their last segment.
    pub handler_traits: &'static [&'static str],
    /// Attributes that make every method of an impl a handler, by their
    /// full path as written.
    pub impl_attributes: &'static [&'static str],
    /// The framework's own upload types, whose methods move or copy the
    /// upload to a path: writes that no `std::fs` call shows.
    pub upload_types: &'static [UploadType],
}

/// An upload type of a framework, and its methods whose first argument is
/// the path the upload is written to. They are matched by name when the
/// type's name is in sight (imported), whatever the receiver: the audit
/// cannot see that a field or a wrapper holds one. The attribute cannot
/// check them at all (the guide's limits chapter).
pub struct UploadType {
    /// The type's path, as `use` names it.
    pub path: &'static [&'static str],
    pub methods: &'static [&'static str],
}

const HTTP_METHODS: [&str; 9] = [
    "get", "post", "put", "delete", "patch", "head", "options", "trace", "connect",
];

/// `HTTP_METHODS` and more, as one `&'static [&str]`.
macro_rules! with_methods {
    ($($extra:literal),* $(,)?) => {
        &[
            "get", "post", "put", "delete", "patch", "head", "options", "trace", "connect",
            $($extra),*
        ]
    };
}

pub const FRAMEWORKS: &[Framework] = &[
    Framework {
        name: "axum",
        crates: &["axum"],
        route_attributes: &["debug_handler", "debug_middleware"],
        routing_functions: with_methods!(
            "any",
            "on",
            "from_fn",
            "from_fn_with_state",
            "map_request",
            "map_request_with_state",
            "map_response",
            "map_response_with_state",
            "service_fn",
        ),
        router_constructors: &["Router::new", "MethodRouter::new"],
        builder_methods: with_methods!(
            "route",
            "route_service",
            "nest",
            "nest_service",
            "fallback",
            "fallback_service",
            "on",
            "any",
            "layer",
            "route_layer",
        ),
        any_receiver_methods: &[],
        handler_macros: &[],
        handler_traits: &["FromRequest", "FromRequestParts"],
        impl_attributes: &[],
        upload_types: &[],
    },
    Framework {
        name: "actix-web",
        crates: &["actix-web"],
        route_attributes: with_methods!("route", "routes"),
        routing_functions: &["to", "service_fn", "fn_service"],
        router_constructors: with_methods!(
            "App::new",
            "web::scope",
            "web::resource",
            "web::route",
            "web::service",
            "Scope::new",
            "Resource::new",
            "Route::new",
        ),
        builder_methods: &[
            "to",
            "route",
            "service",
            "default_service",
            "wrap_fn",
            "configure",
        ],
        any_receiver_methods: &[],
        handler_macros: &[],
        handler_traits: &["FromRequest", "Transform", "Service"],
        impl_attributes: &[],
        upload_types: &[],
    },
    Framework {
        name: "rocket",
        crates: &["rocket"],
        route_attributes: with_methods!("route", "catch"),
        routing_functions: &[],
        router_constructors: &[],
        builder_methods: &[],
        any_receiver_methods: &[],
        handler_macros: &["routes", "catchers"],
        handler_traits: &["FromRequest", "FromData"],
        impl_attributes: &[],
        // `TempFile::persist_to` moves the upload to a path (a rename, or a
        // copy across file systems), `copy_to` and `move_copy_to` copy it.
        upload_types: &[UploadType {
            path: &["rocket", "fs", "TempFile"],
            methods: &["persist_to", "copy_to", "move_copy_to"],
        }],
    },
    Framework {
        name: "poem",
        crates: &["poem"],
        route_attributes: &["handler"],
        routing_functions: with_methods!("make", "make_sync"),
        router_constructors: &["Route::new"],
        builder_methods: with_methods!("at", "nest", "nest_no_strip"),
        any_receiver_methods: &[],
        handler_macros: &[],
        handler_traits: &["FromRequest", "Endpoint"],
        impl_attributes: &[],
        upload_types: &[],
    },
    Framework {
        name: "salvo",
        crates: &["salvo"],
        route_attributes: &["handler", "endpoint"],
        routing_functions: &[],
        router_constructors: &["Router::new", "Router::with_path"],
        builder_methods: with_methods!("goal", "hoop", "push"),
        any_receiver_methods: &[],
        handler_macros: &[],
        handler_traits: &["Handler"],
        impl_attributes: &[],
        upload_types: &[],
    },
    Framework {
        name: "warp",
        crates: &["warp"],
        route_attributes: &[],
        routing_functions: &[],
        router_constructors: &["warp::"],
        builder_methods: &["map", "and_then", "then", "or_else", "recover"],
        // Filters are usually built in helpers and variables, where no
        // constructor is in sight; `and_then` is warp's handler method.
        any_receiver_methods: &["and_then"],
        handler_macros: &[],
        handler_traits: &[],
        impl_attributes: &[],
        upload_types: &[],
    },
    Framework {
        name: "tonic",
        crates: &["tonic"],
        route_attributes: &[],
        routing_functions: &[],
        router_constructors: &[],
        builder_methods: &[],
        any_receiver_methods: &[],
        handler_macros: &[],
        handler_traits: &[],
        impl_attributes: &["tonic::async_trait"],
        upload_types: &[],
    },
];

/// A set of rows of `FRAMEWORKS`, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rows(pub u16);

impl Rows {
    pub const ALL: Rows = Rows((1 << FRAMEWORKS.len()) - 1);
    pub const NONE: Rows = Rows(0);

    /// The rows where `field` of the row satisfies `matches`.
    fn of(matches: impl Fn(&Framework) -> bool) -> Rows {
        Rows(
            FRAMEWORKS
                .iter()
                .enumerate()
                .filter(|(_, row)| matches(row))
                .fold(0, |bits, (index, _)| bits | 1 << index),
        )
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn and(self, other: Rows) -> Rows {
        Rows(self.0 & other.0)
    }

    pub fn or(self, other: Rows) -> Rows {
        Rows(self.0 | other.0)
    }

    /// The rows that apply to a package with these dependencies.
    pub fn for_dependencies<'a>(dependencies: impl IntoIterator<Item = &'a str>) -> Rows {
        let names: Vec<&str> = dependencies.into_iter().collect();
        let rows = Rows::of(|row| row.crates.iter().any(|c| names.contains(c)));
        if rows.is_empty() { Rows::ALL } else { rows }
    }

    /// The names of the rows, for messages and tests.
    pub fn names(self) -> Vec<&'static str> {
        FRAMEWORKS
            .iter()
            .enumerate()
            .filter(|(index, _)| self.0 & (1 << index) != 0)
            .map(|(_, row)| row.name)
            .collect()
    }
}

/// The rows where an attribute marks a route handler.
pub fn route_attribute(last_segment: &str) -> Rows {
    Rows::of(|row| row.route_attributes.contains(&last_segment))
}

/// The rows where a call to this function takes handlers.
pub fn routing_function(last_segment: &str) -> Rows {
    Rows::of(|row| row.routing_functions.contains(&last_segment))
}

/// The rows where a call to this path starts a routing chain.
pub fn router_constructor(segments: &[String]) -> Rows {
    let last_two = match segments {
        [.., owner, name] => format!("{owner}::{name}"),
        _ => String::new(),
    };
    let first = segments
        .first()
        .map(|s| format!("{s}::"))
        .unwrap_or_default();
    let last = segments.last().map(String::as_str).unwrap_or_default();
    Rows::of(|row| {
        row.router_constructors
            .iter()
            .any(|c| *c == last_two || *c == first || *c == last)
    })
}

/// The rows where this method continues a routing chain and takes
/// handlers.
pub fn builder_method(name: &str) -> Rows {
    Rows::of(|row| row.builder_methods.contains(&name))
}

/// The rows where this method takes handlers on any receiver.
pub fn any_receiver_method(name: &str) -> Rows {
    Rows::of(|row| row.any_receiver_methods.contains(&name))
}

pub fn handler_macro(last_segment: &str) -> Rows {
    Rows::of(|row| row.handler_macros.contains(&last_segment))
}

pub fn handler_trait(last_segment: &str) -> Rows {
    Rows::of(|row| row.handler_traits.contains(&last_segment))
}

pub fn impl_attribute(path: &str) -> Rows {
    Rows::of(|row| row.impl_attributes.contains(&path))
}

/// Whether a name is an HTTP method's, which several frameworks use as
/// routing functions and attributes.
pub fn is_http_method(name: &str) -> bool {
    HTTP_METHODS.contains(&name)
}
