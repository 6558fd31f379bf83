package dev.barriersim.sparkref;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.Master$;
import org.apache.spark.deploy.worker.Worker$;
import org.apache.spark.rpc.RpcEnv;
import scala.Option;
import scala.Tuple3;

/**
 * A standalone master on 127.0.0.1 and workers bound to the addresses the case gives (such as
 * 127.0.0.2 and 127.0.0.3), all inside the driver JVM as Spark's own {@code local-cluster} runs
 * them, but on distinct hosts: Spark never runs a speculative copy on a host where the task ran,
 * and locality levels need hosts apart. Each worker launches its executor as a separate JVM.
 */
final class StandaloneCluster implements AutoCloseable {
  private final SparkConf conf;
  private final Path workDir;
  private final String masterUrl;
  private final List<RpcEnv> envs = new ArrayList<>();
  private int workers;

  StandaloneCluster(SparkConf conf, Path workDir) throws Exception {
    this.conf = conf.clone().set("spark.master.rest.enabled", "false").set("spark.shuffle.service.enabled", "false");
    this.workDir = workDir;
    Tuple3<RpcEnv, Object, Option<Object>> m = Master$.MODULE$.startRpcEnvAndEndpoint("127.0.0.1", 0, 0, this.conf);
    envs.add(m._1());
    masterUrl = "spark://127.0.0.1:" + m._1().address().port();
  }

  String masterUrl() {
    return masterUrl;
  }

  /** Starts a worker bound to {@code host} with {@code cores} cores and 1 GiB. */
  synchronized void startWorker(String host, int cores) throws Exception {
    workers++;
    File dir = Files.createDirectories(workDir.resolve("worker-" + workers)).toFile();
    envs.add(Worker$.MODULE$.startRpcEnvAndEndpoint(host, 0, 0, cores, 1024, new String[] {masterUrl},
        dir.getAbsolutePath(), Option.apply(workers), conf, Option.empty()));
  }

  @Override
  public synchronized void close() {
    for (int i = envs.size() - 1; i >= 0; i--) {
      envs.get(i).shutdown();
      envs.get(i).awaitTermination();
    }
  }
}
