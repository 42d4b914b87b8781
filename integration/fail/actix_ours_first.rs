use actix_web::{post, web};
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
#[post("/uploads/{name}")]
async fn save(name: web::Path<String>, body: web::Bytes) -> &'static str {
    std::fs::write(format!("/var/uploads/{name}"), &body).unwrap();
    "saved"
}

fn main() {
    let _ = actix_web::App::new().service(save);
}
