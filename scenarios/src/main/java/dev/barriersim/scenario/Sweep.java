package dev.barriersim.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sweep:} section of a scenario: a grid of what-ifs. Each factor is one key with its
 * values, or a {@code zip:} group whose keys move together; the points are the product of the
 * factors, the first factor varying slowest (as nested loops in file order). A point is the
 * scenario with its values put into the YAML tree before validation, exactly as if the file had
 * said them; nothing is expanded before it is asked for.
 */
public final class Sweep {
  /** Default of {@code run.maxRuns}: points x modes x replications above this are refused. */
  public static final long DEFAULT_MAX_RUNS = 100_000;
  /** Highest {@code run.maxRuns} accepted. */
  public static final long MAX_RUNS_LIMIT = 10_000_000;
  /** Distinct problems of the points reported at most; the rest are counted. */
  static final int MAX_REPORTED = 50;

  private final String file;
  private final Set<String> notYetSupported;
  private final List<String> origins;
  private final List<String> overrides;
  private final YamlNode.Mapping base;
  private final List<Factor> factors;
  private final long maxRuns;
  private final long points;
  private final List<Parameter> parameters;

  /** One key of a factor: where it points and its values. */
  record Member(String path, List<SetPath.Step> steps, SweepValues values, String label, int line) {}

  /** A key, or a zip group of keys with equally many values. */
  record Factor(List<Member> members) {
    /** Freezes the list. */
    Factor {
      members = List.copyOf(members);
    }

    long size() {
      return members.get(0).values().count().longValueExact();
    }
  }

  /**
   * One swept key.
   *
   * @param path the key as written in {@code sweep:}
   * @param label a short name for headers and folder names (the last key of the path when no other
   *     swept key ends the same way)
   * @param factor the index of its factor: keys of one {@code zip:} share it
   * @param line the line of the key in the file
   */
  public record Parameter(String path, String label, int factor, int line) {}

  /**
   * One point of the grid.
   *
   * @param index 0-based, in grid order
   * @param values one per {@link #parameters()}, as flow YAML ({@code 8}, {@code 2m}, {@code {gpu: 2}})
   */
  public record Point(long index, List<String> values) {
    /** Freezes the list. */
    public Point {
      values = List.copyOf(values);
    }
  }

  Sweep(String file, Set<String> notYetSupported, List<String> origins, List<String> overrides, YamlNode.Mapping base,
      List<Factor> factors, long maxRuns) {
    this.file = file;
    this.notYetSupported = notYetSupported;
    this.origins = List.copyOf(origins);
    this.overrides = List.copyOf(overrides);
    this.base = base;
    this.factors = List.copyOf(factors);
    this.maxRuns = maxRuns;
    BigInteger n = BigInteger.ONE;
    for (Factor f : factors) n = n.multiply(f.members().get(0).values().count());
    // The loader refuses a grid over the run cap, which bounds this far below Long.MAX_VALUE.
    this.points = n.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    this.parameters = parameters(factors);
  }

  private static List<Parameter> parameters(List<Factor> factors) {
    Map<String, Integer> lastKeys = new LinkedHashMap<>();
    for (Factor f : factors) for (Member m : f.members()) lastKeys.merge(m.label(), 1, Integer::sum);
    List<Parameter> out = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      for (Member m : factors.get(i).members()) {
        out.add(new Parameter(m.path(), lastKeys.get(m.label()) == 1 ? m.label() : m.path(), i, m.line()));
      }
    }
    return List.copyOf(out);
  }

  /** Every swept key, in file order (the members of a zip at the zip's place). */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** How many points. */
  public long points() {
    return points;
  }

  /** The number of values of each factor, in order. */
  public List<Long> factorSizes() {
    return factors.stream().map(Factor::size).toList();
  }

  /** {@code run.maxRuns}: the most runs (points x modes x replications) allowed. */
  public long maxRuns() {
    return maxRuns;
  }

  /** The {@code --set} options the scenario was loaded with (before the sweep applies). */
  public List<String> overrides() {
    return overrides;
  }

  /** The values of one parameter, in order, as flow YAML. */
  public List<String> values(Parameter p) {
    Member m = member(p);
    long n = m.values().count().longValueExact();
    List<String> out = new ArrayList<>((int) Math.min(n, Integer.MAX_VALUE));
    for (long i = 0; i < n; i++) out.add(YamlText.flow(m.values().node(i)));
    return out;
  }

  /** True when every value of {@code p} is a plain number (so it can be an axis). */
  public boolean numeric(Parameter p) {
    Member m = member(p);
    long n = m.values().count().longValueExact();
    for (long i = 0; i < n; i++) {
      if (!(m.values().node(i) instanceof YamlNode.Scalar s)
          || (s.kind() != YamlNode.Scalar.Kind.INTEGER && s.kind() != YamlNode.Scalar.Kind.DECIMAL)) {
        return false;
      }
    }
    return true;
  }

  private Member member(Parameter p) {
    for (Member m : factors.get(p.factor()).members()) {
      if (m.path().equals(p.path())) return m;
    }
    throw new IllegalArgumentException("not a parameter of this sweep: " + p.path());
  }

  /** The value index of each factor at point {@code index}: the last factor varies fastest. */
  private long[] digits(long index) {
    if (index < 0 || index >= points) throw new IndexOutOfBoundsException("point " + index + " of " + points);
    long[] d = new long[factors.size()];
    long rest = index;
    for (int f = factors.size() - 1; f >= 0; f--) {
      long n = factors.get(f).size();
      d[f] = rest % n;
      rest /= n;
    }
    return d;
  }

  /** Point {@code index}: its values, one per parameter. O(number of keys). */
  public Point point(long index) {
    long[] d = digits(index);
    List<String> values = new ArrayList<>();
    for (int f = 0; f < factors.size(); f++) {
      for (Member m : factors.get(f).members()) values.add(YamlText.flow(m.values().node(d[f])));
    }
    return new Point(index, values);
  }

  /** {@code path=value} of each parameter at the point, as {@code --set} would take them. */
  public List<String> assignments(Point p) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) out.add(parameters.get(i).path() + "=" + p.values().get(i));
    return out;
  }

  /** {@code count=4, tasks=8}: the point for people. */
  public String describe(Point p) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) out.add(parameters.get(i).label() + "=" + p.values().get(i));
    return String.join(", ", out);
  }

  /**
   * The scenario of point {@code index}: the file with the point's values in place, validated as a
   * whole. Its {@code overrides} are the scenario's {@code --set} options followed by the point's
   * values, so that loading the file with them gives the same scenario again.
   */
  public Scenario scenario(long index) throws ScenarioException {
    Point p = point(index);
    LoadContext c = new LoadContext(file, notYetSupported, origins);
    Scenario s = build(c, p);
    if (c.hasProblems() || s == null) {
      List<Problem> problems = new ArrayList<>();
      for (Problem q : c.problemsInFileOrder()) {
        if (!q.isWarning()) problems.add(atPoint(q, p, 1));
      }
      if (problems.isEmpty()) problems.add(new Problem(file, 1, 1, "sweep", "the point could not be built" + where(p, 1),
          "please report this with the scenario file"));
      throw new ScenarioException(problems);
    }
    return s;
  }

  private Scenario build(LoadContext c, Point p) {
    long[] d = digits(p.index());
    YamlNode.Mapping root = base;
    for (int f = 0; f < factors.size(); f++) {
      for (Member m : factors.get(f).members()) root = TreeEdit.put(root, m.steps(), m.values().node(d[f]));
    }
    List<String> all = new ArrayList<>(overrides);
    all.addAll(assignments(p));
    return ScenarioLoader.build(c, file, root, all);
  }

  /**
   * Validates every point and returns their problems, errors and warnings, each problem once with
   * the first point that has it and how many more do (at most {@value #MAX_REPORTED} distinct ones).
   * Empty when every point is valid and clean. Costs one validation per point.
   */
  public List<Problem> check() {
    Map<String, Problem> first = new LinkedHashMap<>();
    Map<String, Long> firstPoint = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    long dropped = 0;
    for (long i = 0; i < points; i++) {
      LoadContext c = new LoadContext(file, notYetSupported, origins);
      build(c, point(i));
      for (Problem q : c.problemsInFileOrder()) {
        String key = q.toString();
        if (counts.containsKey(key)) {
          counts.merge(key, 1L, Long::sum);
        } else if (first.size() < MAX_REPORTED) {
          first.put(key, q);
          firstPoint.put(key, i);
          counts.put(key, 1L);
        } else {
          dropped++;
        }
      }
    }
    List<Problem> out = new ArrayList<>();
    first.forEach((key, q) -> out.add(atPoint(q, point(firstPoint.get(key)), counts.get(key))));
    if (dropped > 0) {
      boolean errors = out.stream().anyMatch(q -> !q.isWarning());
      out.add(new Problem(file, parameters.get(0).line(), 1, "sweep", String.format(Locale.ROOT,
          "%,d more problems at other points are not listed", dropped), "fix the ones above first",
          errors ? Problem.Severity.ERROR : Problem.Severity.WARNING));
    }
    return out;
  }

  /** The problem, saying which point has it and where the point's values are written. */
  private Problem atPoint(Problem q, Point p, long count) {
    return new Problem(q.file(), q.line(), q.column(), q.path(), q.message() + where(p, count), q.fix(), q.severity());
  }

  private String where(Point p, long count) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      parts.add(parameters.get(i).path() + "=" + p.values().get(i) + " from line " + parameters.get(i).line());
    }
    String at = " (at sweep point " + String.join(", ", parts);
    return count > 1 ? at + String.format(Locale.ROOT, ", and at %,d more points)", count - 1) : at + ")";
  }

  /**
   * Why points x modes x replications are too many runs, e.g. {@code sweep has 40 x 50 = 2,000 points
   * x 2 modes x 10 replications = 40,000 runs, over run.maxRuns 10,000}; empty when they fit.
   * O(number of keys), whatever the number of values.
   */
  public java.util.Optional<String> overBudget(int modes, int replications) {
    return overBudget(factors.stream().map(f -> f.members().get(0).values().count()).toList(), modes, replications, maxRuns);
  }

  static java.util.Optional<String> overBudget(List<BigInteger> sizes, int modes, int replications, long maxRuns) {
    BigInteger points = BigInteger.ONE;
    for (BigInteger n : sizes) points = points.multiply(n);
    BigInteger runs = points.multiply(BigInteger.valueOf(modes)).multiply(BigInteger.valueOf(replications));
    if (runs.compareTo(BigInteger.valueOf(maxRuns)) <= 0) return java.util.Optional.empty();
    String product = sizes.size() == 1 ? count(points) + (points.equals(BigInteger.ONE) ? " point" : " points")
        : String.join(" x ", sizes.stream().map(Sweep::count).toList()) + " = " + count(points) + " points";
    return java.util.Optional.of("sweep has " + product + " x " + modes + (modes == 1 ? " mode" : " modes") + " x "
        + replications + (replications == 1 ? " replication" : " replications") + " = " + count(runs)
        + " runs, over run.maxRuns " + count(BigInteger.valueOf(maxRuns)));
  }

  private static String count(BigInteger n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
