static const char *gpu_events[] = {
	"MMU_NOTIFY_UNMAP /* a string, not a comment */",
};
static const char quote = '"'; /* MMU_NOTIFY_CLEAR, after a quote character */

static int gpu_start(const struct mmu_notifier_range *range)
{
	int may_sleep = range->blockable; // was mmu_notifier_range_blockable(range)
	struct mmu_notifier_range local = *range; /* cf. mmu_notifier_range_blockable(&local) */

	/* MMU_NOTIFY_SOFT_DIRTY is not worth a fault. */
	return may_sleep && local.blockable;
}
