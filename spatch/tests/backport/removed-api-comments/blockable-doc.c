/**
 * struct foo_ops
 * @invalidate: may sleep unless mmu_notifier_range_blockable(range) is
 *              false.
 */
