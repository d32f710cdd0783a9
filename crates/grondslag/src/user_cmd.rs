//! `user add` and `user list`: the registered users of a home.

use std::process::ExitCode;

use grondslag_i18n::tr;
use grondslag_store::Role;

use crate::cli::{RoleArg, UserAction, UserArgs};
use crate::inventory::open;
use crate::ui;

fn role(r: RoleArg) -> Role {
    match r {
        RoleArg::Admin => Role::Admin,
        RoleArg::PrivacyOfficer => Role::PrivacyOfficer,
        RoleArg::Approver => Role::Approver,
        RoleArg::Member => Role::Member,
        RoleArg::Fg => Role::Fg,
    }
}

pub fn user(args: UserArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        UserAction::Add {
            store,
            name,
            role: r,
        } => {
            let mut store = open(&store)?;
            let user = store.add_user(&name, role(r))?;
            println!(
                "{}",
                tr!(
                    "user-added",
                    name = user.name.as_str(),
                    role = user.role.as_str()
                )
            );
        }
        UserAction::List { store, json } => {
            let store = open(&store)?;
            let users = store.users()?;
            if json {
                let list: Vec<serde_json::Value> = users
                    .iter()
                    .map(|u| {
                        serde_json::json!({
                            "name": u.name, "role": u.role.as_str(),
                            "created_by": u.created_by, "created_at": u.created_at,
                        })
                    })
                    .collect();
                ui::print_json(&list)?;
            } else {
                for u in users {
                    println!("{}\t{}", u.name, u.role.as_str());
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
