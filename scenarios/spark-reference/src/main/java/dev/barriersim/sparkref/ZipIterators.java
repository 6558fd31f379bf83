package dev.barriersim.sparkref;

import java.io.Serializable;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/** Joins the partitions of two shuffle reads into one input, so a stage can have two parent stages. */
final class ZipIterators extends AbstractFunction2<Iterator<Object>, Iterator<Object>, Iterator<Object>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  @Override
  public Iterator<Object> apply(Iterator<Object> a, Iterator<Object> b) {
    return a.concat(() -> b);
  }
}
