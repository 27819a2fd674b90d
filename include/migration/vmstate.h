/*
 * vmstate.h: declarative descriptions of device state.
 *
 * A device describes the fields of its state struct once; snapshots
 * (savevm/loadvm) and migration walk the description.  Only the types
 * here are defined by the foundation; the stream format lives in
 * migration/ with the snapshot work.
 */
#ifndef MIGRATION_VMSTATE_H
#define MIGRATION_VMSTATE_H

typedef enum VMStateFieldKind {
    VMS_END = 0,
    VMS_UINT8, VMS_UINT16, VMS_UINT32, VMS_UINT64,
    VMS_INT8, VMS_INT16, VMS_INT32, VMS_INT64,
    VMS_BOOL,
    VMS_BUFFER,          /* size bytes, opaque */
    VMS_STRUCT,          /* nested description (vmsd) */
    VMS_TIMER,           /* QEMUTimer *: its expiry */
} VMStateFieldKind;

typedef struct VMStateDescription VMStateDescription;

typedef struct VMStateField {
    const char *name;
    VMStateFieldKind kind;
    size_t offset;
    size_t size;         /* element size (buffers: whole size) */
    int num;             /* array length; 1 for scalars */
    int version_id;      /* field present from this version on */
    const VMStateDescription *vmsd;
} VMStateField;

struct VMStateDescription {
    const char *name;
    int version_id;
    int minimum_version_id;
    int (*pre_save)(void *opaque);
    int (*post_load)(void *opaque, int version_id);
    const VMStateField *fields;  /* terminated by VMSTATE_END_OF_LIST() */
    const VMStateDescription *const *subsections;
};

#define VMSTATE_SCALAR_V(_f, _s, _k, _t, _v) {                   \
    .name = #_f, .kind = (_k), .offset = offsetof(_s, _f),       \
    .size = sizeof(_t), .num = 1, .version_id = (_v),            \
}
#define VMSTATE_ARRAY_V(_f, _s, _n, _k, _t, _v) {                \
    .name = #_f, .kind = (_k), .offset = offsetof(_s, _f),       \
    .size = sizeof(_t), .num = (_n), .version_id = (_v),         \
}

#define VMSTATE_UINT8(_f, _s)  VMSTATE_SCALAR_V(_f, _s, VMS_UINT8, uint8_t, 0)
#define VMSTATE_UINT16(_f, _s) VMSTATE_SCALAR_V(_f, _s, VMS_UINT16, uint16_t, 0)
#define VMSTATE_UINT32(_f, _s) VMSTATE_SCALAR_V(_f, _s, VMS_UINT32, uint32_t, 0)
#define VMSTATE_UINT64(_f, _s) VMSTATE_SCALAR_V(_f, _s, VMS_UINT64, uint64_t, 0)
#define VMSTATE_INT32(_f, _s)  VMSTATE_SCALAR_V(_f, _s, VMS_INT32, int32_t, 0)
#define VMSTATE_INT64(_f, _s)  VMSTATE_SCALAR_V(_f, _s, VMS_INT64, int64_t, 0)
#define VMSTATE_BOOL(_f, _s)   VMSTATE_SCALAR_V(_f, _s, VMS_BOOL, bool, 0)
#define VMSTATE_UINT8_ARRAY(_f, _s, _n) \
    VMSTATE_ARRAY_V(_f, _s, _n, VMS_UINT8, uint8_t, 0)
#define VMSTATE_UINT32_ARRAY(_f, _s, _n) \
    VMSTATE_ARRAY_V(_f, _s, _n, VMS_UINT32, uint32_t, 0)
#define VMSTATE_UINT64_ARRAY(_f, _s, _n) \
    VMSTATE_ARRAY_V(_f, _s, _n, VMS_UINT64, uint64_t, 0)
#define VMSTATE_TIMER_PTR(_f, _s) \
    VMSTATE_SCALAR_V(_f, _s, VMS_TIMER, QEMUTimer *, 0)
#define VMSTATE_END_OF_LIST() { .name = NULL, .kind = VMS_END }

#endif
