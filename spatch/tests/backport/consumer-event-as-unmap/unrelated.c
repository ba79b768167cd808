/* Other structures with an event field are left alone. */
static void srq_event(struct ib_event *event, void *ctx)
{
	pr_debug("SRQ event %d\n", event->event);
	if (event->event == IB_EVENT_SRQ_ERR)
		report(event);
}
