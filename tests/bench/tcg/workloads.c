/*
 * workloads.c: CPU-bound guest programs for the TCG benchmark.
 *
 *   workloads sieve|chase|sha256|nbody
 *
 * sieve: integer loops and branches (primes below 20 million, 3 times);
 * chase: dependent loads over a 16 MiB random cycle (pointer chasing);
 * sha256: byte crunching, the FIPS 180-4 hash of a 64 MiB buffer;
 * nbody: double-precision floating point, 5 bodies for 3 million steps.
 * Each prints a checksum so the work cannot be optimised away and the
 * runs can be compared.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sieve(void)
{
    const int n = 20000000;
    char *c = malloc(n);
    long total = 0;

    for (int rep = 0; rep < 3; rep++) {
        int count = 0;

        memset(c, 1, n);
        for (int i = 2; i < n; i++) {
            if (c[i]) {
                count++;
                for (long j = (long)i * i; j < n; j += i) {
                    c[j] = 0;
                }
            }
        }
        total += count;
    }
    printf("primes %ld\n", total);
    free(c);
}

static void chase(void)
{
    const size_t n = 2 * 1024 * 1024;    /* 16 MiB of indexes */
    uint64_t *next = malloc(n * sizeof(*next)), x = 88172645463325252ULL;
    size_t i, p = 0;

    for (i = 0; i < n; i++) {
        next[i] = i;
    }
    /* Sattolo's shuffle: one cycle through every slot. */
    for (i = n - 1; i > 0; i--) {
        size_t j;
        uint64_t t;

        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        j = x % i;
        t = next[i];
        next[i] = next[j];
        next[j] = t;
    }
    for (i = 0; i < 4 * n; i++) {
        p = next[p];
    }
    printf("chase end %zu\n", p);
    free(next);
}

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t ror(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

static void sha256_block(uint32_t *h, const uint8_t *p)
{
    uint32_t w[64], a, b, c, d, e, f, g, hh;
    int i;

    for (i = 0; i < 16; i++) {
        w[i] = (uint32_t)p[4 * i] << 24 | p[4 * i + 1] << 16 |
               p[4 * i + 2] << 8 | p[4 * i + 3];
    }
    for (i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^
                      (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^
                      (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3];
    e = h[4]; f = h[5]; g = h[6]; hh = h[7];
    for (i = 0; i < 64; i++) {
        uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
                      ((e & f) ^ (~e & g)) + k256[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
                      ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha256(void)
{
    const size_t n = 64 * 1024 * 1024;
    uint8_t *buf = malloc(n);
    uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    size_t i;

    for (i = 0; i < n; i++) {
        buf[i] = (uint8_t)(i * 131 + (i >> 11));
    }
    for (i = 0; i < n; i += 64) {
        sha256_block(h, buf + i);
    }
    printf("sha256 blocks %08x%08x\n", h[0], h[7]);
    free(buf);
}

typedef struct Body {
    double x, y, z, vx, vy, vz, m;
} Body;

static void nbody(void)
{
    Body b[5] = {
        { 0, 0, 0, 0, 0, 0, 39.47841760435743 },
        { 4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037 },
        { 8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011 },
        { 12.89, -15.11, -0.22, 1.08, 0.868, -0.01, 0.0017 },
        { 15.37, -25.91, 0.179, 0.979, 0.594, -0.034, 0.002 },
    };
    double dt = 0.01, e = 0;
    int s, i, j;

    for (s = 0; s < 3000000; s++) {
        for (i = 0; i < 5; i++) {
            for (j = i + 1; j < 5; j++) {
                double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y;
                double dz = b[i].z - b[j].z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));

                b[i].vx -= dx * b[j].m * mag;
                b[i].vy -= dy * b[j].m * mag;
                b[i].vz -= dz * b[j].m * mag;
                b[j].vx += dx * b[i].m * mag;
                b[j].vy += dy * b[i].m * mag;
                b[j].vz += dz * b[i].m * mag;
            }
        }
        for (i = 0; i < 5; i++) {
            b[i].x += dt * b[i].vx;
            b[i].y += dt * b[i].vy;
            b[i].z += dt * b[i].vz;
        }
    }
    for (i = 0; i < 5; i++) {
        e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy +
                             b[i].vz * b[i].vz);
    }
    printf("nbody energy %.9f\n", e);
}

int main(int argc, char **argv)
{
    const char *w = argc > 1 ? argv[1] : "";

    if (!strcmp(w, "sieve")) {
        sieve();
    } else if (!strcmp(w, "chase")) {
        chase();
    } else if (!strcmp(w, "sha256")) {
        sha256();
    } else if (!strcmp(w, "nbody")) {
        nbody();
    } else {
        fprintf(stderr, "usage: workloads sieve|chase|sha256|nbody\n");
        return 1;
    }
    return 0;
}
