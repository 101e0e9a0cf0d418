#!/bin/bash
# The job script, solved: one task (one process) with 16 cores, and rayon
# told to start exactly that many threads.
#SBATCH --job-name=pi16
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=16
#SBATCH --time=00:05:00
#SBATCH --output=pi16-%j.out

# SLURM puts the 16 in SLURM_CPUS_PER_TASK; rayon reads RAYON_NUM_THREADS.
export RAYON_NUM_THREADS=$SLURM_CPUS_PER_TASK

# Since Slurm 22.05 srun does not inherit --cpus-per-task from sbatch.
srun --cpus-per-task="$SLURM_CPUS_PER_TASK" target/release/examples/pi 4000000000
