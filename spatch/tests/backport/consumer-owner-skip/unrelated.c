/* Not an mmu_notifier_range, and not an owner test: left alone. */
static void handler(struct input_event *ev, void *owner)
{
	if (ev->event == KEY_EVENT && ev->owner == owner)
		return;
	consume(ev);
}

static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	if (range->event == MMU_NOTIFY_MIGRATE && range->start == 0)
		return true;
	return false;
}
