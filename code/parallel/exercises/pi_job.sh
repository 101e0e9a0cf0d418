#!/bin/bash
# Exercise "a job script": run Monte Carlo π on one node with 16 cores and
# exactly as many rayon threads as cores. As written, this script asks for
# the wrong thing. Fix it, then check it with
#     cargo xtask exercise slurm
# (the check runs it with a stand-in srun; no cluster needed).
#SBATCH --job-name=pi16
#SBATCH --nodes=1
#SBATCH --ntasks=16
#SBATCH --time=00:05:00
#SBATCH --output=pi16-%j.out

srun target/release/examples/pi 4000000000
