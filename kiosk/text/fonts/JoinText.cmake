# Writes the text of every file in INPUTS (paths joined by |) to OUTPUT, for hb-subset's --text-file.
file(WRITE ${OUTPUT} "")
string(REPLACE "|" ";" INPUTS "${INPUTS}")
foreach(input IN LISTS INPUTS)
  file(READ ${input} text)
  file(APPEND ${OUTPUT} "${text}")
endforeach()
