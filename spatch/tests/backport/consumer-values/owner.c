/* The owner read as a value is NULL; written, it stays for the check. */
static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	struct drv_ctx ctx = { .owner = range->owner, .start = range->start };
	void *who;

	who = range->owner;
	drv_note(mni, range->owner, who);
	DRV_DBG("owner %p\n", range->owner);
	return drv_finish(&ctx);
}

static void fake_range(struct mmu_notifier_range *range, void *me)
{
	range->owner = me;
}
