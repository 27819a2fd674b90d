/*
 * module.c: start-up registration of types and option lists.
 *
 * Implements the module-init part of include/qom/object.h.  type_init()
 * and opts_init() register a function from an ELF constructor, before
 * main() runs; module_call_init() later runs every function of one kind
 * in registration (link) order, once.  Loadable modules are not
 * supported: everything is linked in.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

typedef struct ModuleInitEntry {
    void (*init)(void);
    bool done;
} ModuleInitEntry;

/*
 * Constructors run before main() and before glib is set up in any way we
 * care about; g_ptr_array is safe to use that early.  Lists are kept in
 * registration order.
 */
static GPtrArray *module_inits[MODULE_INIT_MAX];

void register_module_init(void (*fn)(void), module_init_type type)
{
    ModuleInitEntry *e;

    g_assert((unsigned)type < MODULE_INIT_MAX);
    if (module_inits[type] == NULL) {
        module_inits[type] = g_ptr_array_new_with_free_func(g_free);
    }
    e = g_new0(ModuleInitEntry, 1);
    e->init = fn;
    g_ptr_array_add(module_inits[type], e);
}

void module_call_init(module_init_type type)
{
    GPtrArray *list;
    guint i;

    g_assert((unsigned)type < MODULE_INIT_MAX);
    list = module_inits[type];
    if (list == NULL) {
        return;
    }
    /*
     * Index on every pass: an init function may register more functions
     * of the same kind, which then run in this same call.
     */
    for (i = 0; i < list->len; i++) {
        ModuleInitEntry *e = g_ptr_array_index(list, i);

        if (!e->done) {
            e->done = true;
            e->init();
        }
    }
}
