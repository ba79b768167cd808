/*
 * A page walk whose callback only carries an existing uffd-wp bit over to
 * a swap entry (as migrate_vma_collect_pmd() does) applies no new
 * protection: rule uffd_wp_walk must not take it. Nothing else tells what
 * the walk does, so the call is listed.
 */
static int collect_pmd(pmd_t *pmdp, unsigned long start, unsigned long end,
		       struct mm_walk *walk)
{
	pte_t pte = ptep_get(ptep);
	pte_t swp_pte = swp_entry_to_pte(entry);

	if (pte_uffd_wp(pte))
		swp_pte = pte_swp_mkuffd_wp(swp_pte);
	set_pte_at(walk->mm, start, ptep, swp_pte);
	return 0;
}

static void collect(struct collector *c)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, c->mm,
				c->start, c->end);
	mmu_notifier_invalidate_range_start(&range);
	walk_page_range(c->mm, c->start, c->end, &collect_ops, c);
	mmu_notifier_invalidate_range_end(&range);
}
