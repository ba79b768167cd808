/* Not the range: other structures with event and owner fields. */
static void handler(struct input_event *ev, void *owner)
{
	if (ev->owner == owner)
		return;
	if (ev->event == KEY_EVENT || ev->event == 3)
		consume(ev);
	if (a && b)
		both();
}

static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	if (range->start > drv->end || range->end < drv->start)
		return true;
	return drv->event == DRV_EVENT_UNMAP;
}
