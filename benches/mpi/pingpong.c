/* Ping-pong in C, the yardstick for the Rust example
 * (code/distributed/examples/pingpong.rs): the same sizes, rounds, best of
 * three and output, against the same MPI library.
 * Build and run: mpicc -O2 -o pingpong_c pingpong.c && mpirun -n 2 ./pingpong_c */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

// ANCHOR: ping_pong
static double ping_pong(char *message, int bytes, int rounds, int rank) {
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    if (rank < 2) {
        int partner = 1 - rank;
        for (int i = 0; i < rounds; i++) {
            if (rank == 0) {
                MPI_Send(message, bytes, MPI_BYTE, partner, 0, MPI_COMM_WORLD);
                MPI_Recv(message, bytes, MPI_BYTE, partner, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            } else {
                MPI_Recv(message, bytes, MPI_BYTE, partner, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                MPI_Send(message, bytes, MPI_BYTE, partner, 0, MPI_COMM_WORLD);
            }
        }
    }
    return (MPI_Wtime() - start) / (2.0 * rounds);
}
// ANCHOR_END: ping_pong

static int rounds_for(long bytes) {
    long rounds = (1L << 24) / bytes;
    return (int)(rounds < 20 ? 20 : rounds > 10000 ? 10000 : rounds);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2) {
        if (rank == 0) fprintf(stderr, "error: pingpong_c needs at least 2 MPI ranks\n");
        MPI_Finalize();
        return 2;
    }
    long max_bytes = argc > 1 ? atol(argv[1]) : 16L << 20;
    if (rank == 0) printf("# bytes  one-way time (s)  bandwidth (MB/s)\n");
    for (long bytes = 8; bytes <= max_bytes; bytes *= 2) {
        char *message = calloc((size_t)bytes, 1);
        double best = 1e300;
        for (int trial = 0; trial < 3; trial++) {
            double t = ping_pong(message, (int)bytes, rounds_for(bytes), rank);
            if (t < best) best = t;
        }
        if (rank == 0) printf("%ld %.3e %.1f\n", bytes, best, bytes / best / 1e6);
        free(message);
    }
    MPI_Finalize();
    return 0;
}
