//! The distributed heat equation gives the serial answer to the last bit,
//! whatever the number of ranks.
mod common;
use common::{assert_lines, run};
use distributed::{heat_initial, heat_serial};

#[test]
fn heat_on_1_2_and_4_ranks_equals_the_serial_solver_exactly() {
    // Must match the constants of examples/heat.rs.
    let serial = heat_serial(heat_initial(101), 500, 0.25);
    let checksum: f64 = serial.iter().sum();
    for ranks in [1, 2, 4] {
        let run = run(ranks, "heat", &[]);
        run.assert_success();
        assert_lines(
            &run,
            [
                format!("heat: 101 cells, 500 steps on {ranks} ranks"),
                format!("checksum: {checksum}"),
                "max |difference| vs serial: 0".to_string(),
            ],
        );
    }
}
