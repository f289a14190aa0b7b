//! Turning a [`Reply`] into serenity builders. Every message leaves with empty allowed
//! mentions, so nothing the bot sends can ping anyone.

use poise::serenity_prelude as serenity;

use super::render::{Button, Embed, Reply};

/// Allowed mentions for everything the bot sends: nobody, not even the user replied to.
pub fn no_pings() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new().replied_user(false)
}

pub fn embed(e: &Embed) -> serenity::CreateEmbed {
    let mut out = serenity::CreateEmbed::new().description(&e.description);
    if let Some(title) = &e.title {
        out = out.title(title);
    }
    for (name, value) in &e.fields {
        out = out.field(name, value, false);
    }
    if let Some(footer) = &e.footer {
        out = out.footer(serenity::CreateEmbedFooter::new(footer));
    }
    out
}

pub fn components(buttons: &[Button]) -> Vec<serenity::CreateActionRow> {
    if buttons.is_empty() {
        return Vec::new();
    }
    let row = buttons
        .iter()
        .map(|b| {
            serenity::CreateButton::new(&b.id)
                .label(&b.label)
                .style(serenity::ButtonStyle::Secondary)
                .disabled(b.disabled)
        })
        .collect();
    vec![serenity::CreateActionRow::Buttons(row)]
}

/// A reply to a slash command.
pub fn command_reply(reply: &Reply, ephemeral: bool) -> poise::CreateReply {
    let mut out = poise::CreateReply::default().ephemeral(ephemeral).allowed_mentions(no_pings());
    if let Some(content) = &reply.content {
        out = out.content(content);
    }
    if let Some(e) = &reply.embed {
        out = out.embed(embed(e));
    }
    out.components(components(&reply.buttons))
}

/// The new content of a message whose button was clicked.
pub fn updated_message(reply: &Reply) -> serenity::CreateInteractionResponse {
    let mut out = serenity::CreateInteractionResponseMessage::new()
        .allowed_mentions(no_pings())
        .components(components(&reply.buttons))
        .content(reply.content.clone().unwrap_or_default());
    out = match &reply.embed {
        Some(e) => out.embed(embed(e)),
        None => out.embeds(Vec::new()),
    };
    serenity::CreateInteractionResponse::UpdateMessage(out)
}

/// A new public message in answer to a click (a shared private reply).
pub fn public_message(reply: &Reply) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(new_message(reply))
}

/// A new private message in answer to a click, with its buttons (someone else's answer,
/// paged for the clicker alone).
pub fn private_message(reply: &Reply) -> serenity::CreateInteractionResponse {
    let out = new_message(reply).ephemeral(true).components(components(&reply.buttons));
    serenity::CreateInteractionResponse::Message(out)
}

/// `reply`'s text and embed as a new message that pings nobody.
fn new_message(reply: &Reply) -> serenity::CreateInteractionResponseMessage {
    let mut out = serenity::CreateInteractionResponseMessage::new().allowed_mentions(no_pings());
    if let Some(content) = &reply.content {
        out = out.content(content);
    }
    if let Some(e) = &reply.embed {
        out = out.embed(embed(e));
    }
    out
}

/// A private message in answer to a click (an expired button, an error).
pub fn private_notice(text: &str) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new().content(text).ephemeral(true).allowed_mentions(no_pings()),
    )
}

/// A reply to a message (a mention or a direct message), referencing it.
pub fn message_reply(reply: &Reply, to: &serenity::Message) -> serenity::CreateMessage {
    let mut out = serenity::CreateMessage::new().reference_message(to).allowed_mentions(no_pings());
    if let Some(content) = &reply.content {
        out = out.content(content);
    }
    if let Some(e) = &reply.embed {
        out = out.embed(embed(e));
    }
    out.components(components(&reply.buttons))
}

/// The new content of one of the bot's messages (the answer to an edited question): what it
/// does not have is cleared.
pub fn edited_message(reply: &Reply) -> serenity::EditMessage {
    let embeds = reply.embed.as_ref().map(embed).into_iter().collect();
    serenity::EditMessage::new()
        .allowed_mentions(no_pings())
        .content(reply.content.clone().unwrap_or_default())
        .embeds(embeds)
        .components(components(&reply.buttons))
}
