package dev.barriersim.core.random;

import org.apache.commons.math3.random.BitsStreamGenerator;

/**
 * A commons-math3 generator that is re-positioned for every draw: {@link #position(long...)}
 * seeds it from a key, so a draw depends on its key only and not on how many draws came before.
 * The bits come from SplitMix64, which is cheap to seed (one long) unlike Well19937c.
 */
public final class KeyedGenerator extends BitsStreamGenerator {
  private static final long serialVersionUID = 1L;
  private final long streamSeed;
  private long state;

  /** A generator for the stream whose seed is {@code streamSeed}. */
  public KeyedGenerator(long streamSeed) {
    this.streamSeed = streamSeed;
    this.state = streamSeed;
  }

  /** Seeds the generator from the stream seed and the key parts, in order. */
  public KeyedGenerator position(long... key) {
    long h = streamSeed;
    for (long k : key) h = step(h, k);
    setSeed(h);
    return this;
  }

  /**
   * The hash of the first three parts of a key: {@link #positionAfter} with it and the
   * last two parts positions exactly as {@link #position(long...)} with all five. Draws that share
   * a key prefix (the tasks of one stage) fold it once.
   */
  public long prefix(long k0, long k1, long k2) {
    return step(step(step(streamSeed, k0), k1), k2);
  }

  /** Positions at the key whose first three parts hashed to {@code prefix} (see {@link #prefix}), then {@code k3, k4}. */
  public KeyedGenerator positionAfter(long prefix, long k3, long k4) {
    setSeed(step(step(prefix, k3), k4));
    return this;
  }

  /** {@link #position(long...)} for a key of five parts, without the array. */
  public KeyedGenerator position(long k0, long k1, long k2, long k3, long k4) {
    setSeed(step(step(step(step(step(streamSeed, k0), k1), k2), k3), k4));
    return this;
  }

  /** {@link #position(long...)} for a key of six parts, without the array. */
  public KeyedGenerator position(long k0, long k1, long k2, long k3, long k4, long k5) {
    setSeed(step(step(step(step(step(step(streamSeed, k0), k1), k2), k3), k4), k5));
    return this;
  }

  /** One part of the key folded into the hash, as {@link #position(long...)} does. */
  private static long step(long h, long k) {
    return RandomStreams.mix(h ^ RandomStreams.mix(k + 0x9E3779B97F4A7C15L));
  }

  @Override
  public void setSeed(int seed) {
    setSeed((long) seed);
  }

  @Override
  public void setSeed(int[] seed) {
    long h = 0;
    for (int s : seed) h = RandomStreams.mix(h ^ s);
    setSeed(h);
  }

  @Override
  public void setSeed(long seed) {
    state = seed;
    clear();
  }

  @Override
  protected int next(int bits) {
    return (int) (nextRaw() >>> (64 - bits));
  }

  @Override
  public long nextLong() {
    return nextRaw();
  }

  /** A uniform double in [0, 1) from 53 bits. */
  @Override
  public double nextDouble() {
    return (nextRaw() >>> 11) * 0x1.0p-53;
  }

  private long nextRaw() {
    state += 0x9E3779B97F4A7C15L;
    return RandomStreams.mix(state);
  }
}
