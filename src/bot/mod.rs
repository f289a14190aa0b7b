//! The Discord front end (`storybot serve`).

pub mod custom_id;
pub mod markdown;
pub mod render;
