# busybox-script.sh: text and archive tools over generated data, run by
# busybox's sh natively and under qemu-x86_64 (test-busybox.py); every
# line printed must match.  Only deterministic output.
set -e
i=0
: > data.txt
while [ $i -lt 2000 ]; do
    echo "line $i $((i * 7919 % 1000)) w$((i % 13)) $((i * i % 97))" >> data.txt
    i=$((i + 1))
done
echo "lines: $(wc -l < data.txt)"
wc data.txt
awk '{ s += $3; n[$4]++ } END { print "sum", s; for (k in n) c++; print "keys", c }' data.txt
awk -F' ' '$3 > 900 { print $2 }' data.txt | head -5
sed -n 's/^line \(1[0-9]\) .*/ten-\1/p' data.txt | tail -3
sed 's/w\([0-9]*\)/W<\1>/g' data.txt | md5sum
sort -k3,3n -k2,2n data.txt | head -3
sort -t' ' -k4 -u data.txt | wc -l
sort -r data.txt | uniq -c | sort -n | tail -2
grep -c ' w7 ' data.txt
grep -E 'line 1(2|3)[0-9]{2} ' data.txt | cut -d' ' -f2,3 | tail -2
grep -v 'w1' data.txt | tr 'a-z' 'A-Z' | head -2
cut -c1-8 data.txt | sort | uniq | wc -l
tr -d '0-9' < data.txt | sort -u
md5sum data.txt
sha256sum data.txt
sha1sum data.txt
gzip -9 -c data.txt > data.gz
gunzip -c data.gz | cmp - data.txt && echo "gzip round trip ok"
bzip2 -c data.txt > data.bz2
bunzip2 -c data.bz2 | md5sum
mkdir -p tree/a/b tree/c
cp data.txt tree/a/b/one.txt
head -100 data.txt > tree/c/two.txt
echo small > tree/three.txt
tar -cf t.tar tree
tar -tf t.tar | sort
mkdir out
tar -xf t.tar -C out
find out -type f | sort | xargs md5sum
find tree -name '*.txt' | sort | xargs wc -l
find tree -type d | sort
tar -czf t.tgz tree && tar -tzf t.tgz | sort | md5sum
printf '%s\n' 3 1 2 | sort -n | xargs echo
seq 1 50 | xargs -n 7 echo | tail -1
expr 6 \* 7
echo "abc def" | awk '{ printf "%s-%d\n", toupper($2), length($1) }'
od -An -tx1 -N8 data.txt
