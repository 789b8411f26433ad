"""The benchmark M/M/c queue in SimPy, the peer meshsim's engine is compared with.

lambda = 3000/s, c = 4, mean service 1 ms (75% load): a source process draws exponential
interarrival times and starts one process per customer, which requests a slot of a
Resource of capacity 4, holds it for an exponential service time and records its time in
system. Prints one line of key=value pairs for meshsim-bench:

    customers=200000 seconds=3.1 mean_sojourn_ms=1.5102

Usage: python mmc_simpy.py [CUSTOMERS] (default 200000)
"""

import random
import sys
import time

import simpy

ARRIVAL_RATE = 3000.0
SERVERS = 4
MEAN_SERVICE = 0.001


def customer(env, server, stats):
    arrived = env.now
    with server.request() as slot:
        yield slot
        yield env.timeout(random.expovariate(1.0 / MEAN_SERVICE))
    stats["total"] += env.now - arrived
    stats["done"] += 1


def source(env, server, stats, customers):
    for _ in range(customers):
        yield env.timeout(random.expovariate(ARRIVAL_RATE))
        env.process(customer(env, server, stats))


def main():
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    random.seed(1)
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=SERVERS)
    stats = {"total": 0.0, "done": 0}
    start = time.perf_counter()
    env.process(source(env, server, stats, customers))
    env.run()
    seconds = time.perf_counter() - start
    mean_ms = 1000.0 * stats["total"] / stats["done"]
    print(f"customers={stats['done']} seconds={seconds:.4f} mean_sojourn_ms={mean_ms:.4f}")


if __name__ == "__main__":
    main()
