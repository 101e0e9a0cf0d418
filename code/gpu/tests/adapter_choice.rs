//! Choosing the adapter by name with `WGPU_ADAPTER_NAME`, as on a node with
//! several GPUs: a name that matches picks that adapter, one that does not
//! is one line naming what there is.
use std::process::Command;
use std::time::Duration;
use testkit::{example, run_with_limit};

const LIMIT: Duration = Duration::from_secs(120);

fn vector_add_with(adapter_name: &str) -> testkit::Run {
    let mut command = Command::new(example("vector_add"));
    command.arg("1000").env("WGPU_ADAPTER_NAME", adapter_name);
    run_with_limit(command, LIMIT).expect("vector_add finishes")
}

#[test]
fn a_matching_name_picks_that_adapter_in_any_case() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let name = ctx.adapter_info().name;
    // Any part of the name, in any case.
    let part: String = name.chars().take(4).collect::<String>().to_uppercase();
    let run = vector_add_with(&part);
    run.assert_success();
    assert!(
        run.stdout.lines().next().is_some_and(|l| l.contains(&name)),
        "{run:#?}"
    );
}

#[test]
fn a_name_no_adapter_has_is_one_line_listing_the_adapters() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let run = vector_add_with("no-such-gpu");
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert!(run.stdout.is_empty(), "{run:#?}");
    let expected_start = "error: no GPU adapter's name contains \"no-such-gpu\" \
                          (WGPU_ADAPTER_NAME); found: ";
    assert!(run.stderr.starts_with(expected_start), "{run:#?}");
    assert!(run.stderr.contains(&ctx.adapter_info().name), "{run:#?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:#?}");
}
