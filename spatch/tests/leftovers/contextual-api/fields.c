/*
 * Comments may name MMU_NOTIFY_UNMAP, range->event or
 * mmu_notifier_range_blockable(): they are not code.
 */
static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	struct drv_job *job = drv_job(mni);

	job->event = range->event;	/* a driver field: only the range's counts */
	drv_flush_vma(mni, range->vma);
	if (range->flags)
		job->owner = range->owner;
	return true;
}

static void on_stack(struct mm_struct *mm)
{
	struct mmu_notifier_range range;

	range.migrate_pgmap_owner = mm;
	use(range.event);
}

/* Other structures with the same field names are not the range. */
static void other(struct input_event *ev, struct drv_range *r)
{
	if (ev->event == 3 && r->vma && r->owner)
		consume(ev, r->flags);
}
